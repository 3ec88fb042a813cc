// Compiled twice by compile_fail.cmake: without LIASSE_TRY_DOUBLE it must
// compile; with each LIASSE_TRY_DOUBLE=N it must fail on a deleted function.
#include "liasse/core/money.h"

int main() {
  liasse::Money ok = liasse::Money::FromCents(1050);
#if LIASSE_TRY_DOUBLE == 1
  liasse::Money bad = liasse::Money::FromCents(10.5);
#elif LIASSE_TRY_DOUBLE == 2
  liasse::Money bad = liasse::Money::Euros(10.5);
#elif LIASSE_TRY_DOUBLE == 3
  liasse::Money bad = 10.5;
#elif LIASSE_TRY_DOUBLE == 4
  liasse::Money bad(10.5);
#elif LIASSE_TRY_DOUBLE == 5
  liasse::Rate bad = liasse::Rate::Percent(62.5);
#else
  liasse::Money bad = ok;
#endif
  (void)bad;
  return ok.cents() == 1050 ? 0 : 1;
}
