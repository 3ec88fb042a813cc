# `liasse letter --birth-date`: the PDF is encrypted with AES-256 and opens
# with the password of the rule in templates/letterhead.toml (the birth
# date, JJMMAAAA), not without it.
execute_process(COMMAND ${LIASSE} letter ${MODEL} --out ${OUT}/chiffre_cli.pdf --birth-date 1995-10-05
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "liasse letter exited ${rc}")
endif()
execute_process(COMMAND qpdf --show-encryption --password=05101995 ${OUT}/chiffre_cli.pdf
                RESULT_VARIABLE rc OUTPUT_VARIABLE shown ERROR_VARIABLE shown)
if(NOT rc EQUAL 0 OR NOT shown MATCHES "stream encryption method: AESv3")
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
