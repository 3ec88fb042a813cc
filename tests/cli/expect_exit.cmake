# Runs CMD ARGS (in the folder WORK when given) and checks its exit code and
# that its output contains EXPECT_OUTPUT.
set(run_in)
if(DEFINED WORK)
  set(run_in WORKING_DIRECTORY ${WORK})
endif()
execute_process(COMMAND ${CMD} ${ARGS} ${run_in} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL ${EXPECT_CODE})
  message(FATAL_ERROR "exit ${code}, expected ${EXPECT_CODE}\n${out}${err}")
endif()
string(FIND "${out}${err}" "${EXPECT_OUTPUT}" where)
if(where EQUAL -1)
  message(FATAL_ERROR "output lacks '${EXPECT_OUTPUT}':\n${out}${err}")
endif()
