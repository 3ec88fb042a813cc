# Proves that floating point cannot build a Money: the control compiles, and
# each variant fails with a "deleted" diagnostic (not some other error).
function(try_compile_snippet define out_result out_log)
  execute_process(
    COMMAND ${COMPILER} -std=c++20 -fsyntax-only -I${INCLUDE_DIR} ${define} ${SOURCE}
    RESULT_VARIABLE result ERROR_VARIABLE log OUTPUT_VARIABLE log_out)
  set(${out_result} ${result} PARENT_SCOPE)
  set(${out_log} "${log}${log_out}" PARENT_SCOPE)
endfunction()

try_compile_snippet("-DLIASSE_TRY_DOUBLE=0" control_result control_log)
if(NOT control_result EQUAL 0)
  message(FATAL_ERROR "control snippet does not compile:\n${control_log}")
endif()
foreach(variant 1 2 3 4 5)
  try_compile_snippet("-DLIASSE_TRY_DOUBLE=${variant}" result log)
  if(result EQUAL 0)
    message(FATAL_ERROR "variant ${variant} compiled: floating point reached Money")
  endif()
  if(NOT log MATCHES "deleted")
    message(FATAL_ERROR "variant ${variant} failed for another reason:\n${log}")
  endif()
endforeach()
message(STATUS "control compiles; 5 floating-point variants rejected as deleted")
