// libFuzzer target: the playground's URL hash (app/model/url_state.h). Any hash gives a
// document the engine accepts, and its canonical form reads back to itself, silently.
// Kept to the public entry points: the key table behind them is being rewritten.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/model/repair.h"
#include "app/model/url_state.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace convplay::app;
  const std::string hash(reinterpret_cast<const char*>(data), size);
  Document doc;
  std::vector<std::string> notes;
  apply_query(hash, &doc, &notes);
  const convplay::Status verdict = check_document(doc);
  FUZZ_CHECK(verdict.ok(), "the repaired document is rejected: %s", verdict.message.c_str());

  const std::string canonical = format_hash(doc);
  Document reread;
  std::vector<std::string> reread_notes;
  apply_query(canonical, &reread, &reread_notes);
  FUZZ_CHECK(reread_notes.empty(), "the canonical hash '%s' needed repair: %s", canonical.c_str(),
             reread_notes.front().c_str());
  FUZZ_CHECK(format_hash(reread) == canonical, "'%s' reads back as '%s'", canonical.c_str(),
             format_hash(reread).c_str());
  return 0;
}
