# Runs CMD ARGS and checks its exit code and that its output contains EXPECT_OUTPUT.
execute_process(COMMAND ${CMD} ${ARGS} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL ${EXPECT_CODE})
  message(FATAL_ERROR "exit ${code}, expected ${EXPECT_CODE}\n${out}${err}")
endif()
string(FIND "${out}${err}" "${EXPECT_OUTPUT}" where)
if(where EQUAL -1)
  message(FATAL_ERROR "output lacks '${EXPECT_OUTPUT}':\n${out}${err}")
endif()
