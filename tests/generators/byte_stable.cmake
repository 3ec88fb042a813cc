# Renders MODEL twice with the same --fixed-time and fails unless the two
# PDFs are byte for byte identical.
foreach(run a b)
  execute_process(COMMAND ${LIASSE} letter ${MODEL} --out ${OUT}/stable_${run}.pdf --fixed-time 2025-09-12T08:00:00
                  RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "liasse letter exited ${rc}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/stable_a.pdf ${OUT}/stable_b.pdf RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "the two renderings differ")
endif()
