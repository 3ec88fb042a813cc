# Runs CMD ARGS in an empty folder WORK: a command that reads a store must
# refuse (exit EXPECT_CODE, EXPECT_OUTPUT in its output) and create nothing.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
file(GLOB left ${WORK}/*)
if(left)
  message(FATAL_ERROR "the command created ${left}")
endif()
