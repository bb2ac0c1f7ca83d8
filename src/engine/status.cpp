#include "status.h"

namespace convplay {

const char* error_code_name(ErrorCode code) {
  switch (code) {
#define CONVPLAY_NAME_ROW(name, text) \
  case ErrorCode::name:               \
    return text;
    CONVPLAY_ERROR_CODES(CONVPLAY_NAME_ROW)
#undef CONVPLAY_NAME_ROW
  }
  return "unknown";
}

}  // namespace convplay
