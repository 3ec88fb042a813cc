# The first pass the review tests start from: samples/lot_01_clean.tiff
# processed once by `liasse process` (the OCR is the slow part), for every
# test of runner_review_tests to copy (ctest fixture "review_base").
# -DLIASSE=<binary> -DSAMPLES=<samples dir> -DBASE=<folder to fill>
file(REMOVE_RECURSE ${BASE})
file(MAKE_DIRECTORY ${BASE}/in)
foreach(f lot_01_clean.tiff lot_01_clean.meta.json members.csv partenaires.csv)
  file(COPY ${SAMPLES}/${f} DESTINATION ${BASE}/in)
endforeach()
execute_process(COMMAND ${LIASSE} process ${BASE}/in --out ${BASE}/out --date 2026-12-06 --jobs 1
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "liasse process a échoué (${rc}) :\n${out}\n${err}")
endif()
