# `liasse letter --password --birth-date`: the PDF is encrypted with AES-256
# revision 6 and opens with the password of the rule in
# templates/letterhead.toml (the birth date, JJMMAAAA), not without it nor
# with the operator password the command once wrote into every letter. The
# command prints how the password is made, never the password.
execute_process(COMMAND ${LIASSE} letter ${MODEL} --out ${OUT}/chiffre_cli.pdf --password --birth-date 1995-10-05
                RESULT_VARIABLE rc OUTPUT_VARIABLE said)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "liasse letter exited ${rc}")
endif()
if(said MATCHES "05101995" OR NOT said MATCHES "votre date de naissance, au format JJMMAAAA")
  message(FATAL_ERROR "liasse letter printed the password or not its hint: ${said}")
endif()
execute_process(COMMAND qpdf --decrypt --password=liasse-operateur ${OUT}/chiffre_cli.pdf ${OUT}/ouvert.pdf
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(rc EQUAL 0)
  message(FATAL_ERROR "the encrypted PDF opened with liasse-operateur")
endif()
execute_process(COMMAND ${LIASSE} letter ${MODEL} --out ${OUT}/sans_date.pdf --password
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE said)
if(NOT rc EQUAL 2 OR NOT said MATCHES "une donnée de l'adhérent manque")
  message(FATAL_ERROR "--password without the birth date: exit ${rc}, ${said}")
endif()
execute_process(COMMAND qpdf --show-encryption --password=05101995 ${OUT}/chiffre_cli.pdf
                RESULT_VARIABLE rc OUTPUT_VARIABLE shown ERROR_VARIABLE shown)
if(NOT rc EQUAL 0 OR NOT shown MATCHES "stream encryption method: AESv3" OR NOT shown MATCHES "R = 6")
  message(FATAL_ERROR "qpdf --show-encryption (${rc}): ${shown}")
endif()
execute_process(COMMAND qpdf --check --password=05101995 ${OUT}/chiffre_cli.pdf RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "qpdf --check with the password failed (${rc})")
endif()
execute_process(COMMAND pdftotext ${OUT}/chiffre_cli.pdf - RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(rc EQUAL 0)
  message(FATAL_ERROR "the encrypted PDF opened without a password")
endif()
