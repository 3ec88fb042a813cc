# Runs `liasse extract` on OCR_DIR (one envelope, `lettre`, whose page the OCR
# turned by 270° clockwise and deskewed by -1.25°) and checks the result JSON
# reports the page as it lay on the scanner: rotation 90, skew_deg -1.25.
set(out "${WORK}/extract_geometry")
file(REMOVE_RECURSE "${out}")
execute_process(COMMAND ${CMD} extract ${OCR_DIR} --out ${out} RESULT_VARIABLE code OUTPUT_VARIABLE log ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "liasse extract: exit ${code}\n${log}${err}")
endif()
file(READ "${out}/lettre.json" result)
string(JSON rotation GET "${result}" pages 0 rotation)
string(JSON skew GET "${result}" pages 0 skew_deg)
if(NOT rotation EQUAL 90)
  message(FATAL_ERROR "page rotation ${rotation}, expected 90 (the scanner's turn, not the correction)")
endif()
if(NOT skew EQUAL -1.25)
  message(FATAL_ERROR "page skew_deg ${skew}, expected -1.25")
endif()
