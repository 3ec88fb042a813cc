# `liasse price --db`: a claim naming a member imported from
# samples/members.csv is priced with the store's contract level, adhesion
# date and birth date, whatever the claim itself says.
#   A05060506: PASS5, adhésion 2023-12-25, born 1970 (the claim says PASS1,
#              2000-01-01, 2010-01-01: a minor, covered since 2000).
#   A43627204: PASS2, adhésion 2018-12-22, born 1992 (the claim says nothing).
file(REMOVE ${DB} ${DB}-wal ${DB}-shm)
execute_process(COMMAND ${LIASSE} members import ${MEMBERS} --db ${DB} RESULT_VARIABLE code OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "members import: exit ${code}\n${out}${err}")
endif()
execute_process(COMMAND ${LIASSE} price ${CLAIMS} --db ${DB} RESULT_VARIABLE code OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "price: exit ${code}\n${out}${err}")
endif()

function(expect path expected)
  string(JSON got GET "${out}" ${path})
  if(NOT got STREQUAL "${expected}")
    string(REPLACE ";" "." where "${path}")
    message(FATAL_ERROR "${where} = '${got}', expected '${expected}'\n${out}")
  endif()
endfunction()

# 23/12/2023: before the adhesion of 25/12/2023 known to the store.
expect("claims;0;lines;0;mutuelle" "0.00")
string(JSON motif GET "${out}" claims 0 lines 0 motif_refus)
if(NOT motif MATCHES "antérieurs à l'adhésion du 25/12/2023")
  message(FATAL_ERROR "motif_refus: ${motif}")
endif()
# 01/06/2024, G 26,50 €: RO 70 % = 18,55 € − PF 2 € (an adult: born 1970)
# = 16,55 €; PASS5 200 % = 53,00 € − 18,55 € = 34,45 €, limited to the
# 31,45 € left → 31,45 €; the member keeps the 2 € PF.
expect("claims;0;lines;1;garantie" "PASS5/generaliste_dptm")
expect("claims;0;lines;1;ro" "16.55")
expect("claims;0;lines;1;retenues" "2.00")
expect("claims;0;lines;1;mutuelle" "31.45")
expect("claims;0;lines;1;reste_a_charge" "2.00")
# No contract nor dates in the claim: PASS2 100 % of 30 € − RO 21 € = 9 €.
expect("claims;1;member" "A43627204")
expect("claims;1;lines;0;garantie" "PASS2/generaliste_dptm")
expect("claims;1;lines;0;ro" "19.00")
expect("claims;1;lines;0;mutuelle" "9.00")
expect("claims;1;lines;0;reste_a_charge" "22.00")
