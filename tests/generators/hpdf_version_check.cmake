# hpdf_embedded_font.cpp writes libharu's private structures: it builds
# against the libharu version they were checked for, and fails to compile,
# with its own message, when the installed version differs (simulated here by
# declaring another checked version).
function(compile_embedded_font define out_result out_log)
  execute_process(
    COMMAND ${COMPILER} -std=c++20 -fsyntax-only -I${SOURCE_DIR}/generators/src -I${SOURCE_DIR}/generators/include
            -I${SOURCE_DIR}/pipeline/core/include ${define} ${SOURCE_DIR}/generators/src/hpdf_embedded_font.cpp
    RESULT_VARIABLE result ERROR_VARIABLE log OUTPUT_VARIABLE log_out)
  set(${out_result} ${result} PARENT_SCOPE)
  set(${out_log} "${log}${log_out}" PARENT_SCOPE)
endfunction()

compile_embedded_font("-DLIASSE_HPDF_SAME_VERSION" control_result control_log)
if(NOT control_result EQUAL 0)
  message(FATAL_ERROR "hpdf_embedded_font.cpp does not compile against the installed libharu:\n${control_log}")
endif()
compile_embedded_font("-DLIASSE_HPDF_CHECKED_VERSION_ID=20400" result log)
if(result EQUAL 0)
  message(FATAL_ERROR "hpdf_embedded_font.cpp compiled against a libharu version it was not checked for")
endif()
if(NOT log MATCHES "private structures")
  message(FATAL_ERROR "failed for another reason than the version check:\n${log}")
endif()
message(STATUS "compiles against the checked libharu; refuses another version")
