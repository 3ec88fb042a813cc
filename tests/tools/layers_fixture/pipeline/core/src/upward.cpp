// Fixture of Layers.CheckerRefusesAnUpwardInclude: core may not include ocr.
#include "liasse/ocr/ocr.h"
