// Undo/redo over whole documents. An edit is committed once it is finished (mouse
// released, slider let go), so one drag is one undo step.
#pragma once

#include <vector>

#include "app/model/document.h"

namespace convplay::app {

class History {
 public:
  void reset(const Document& doc);
  // Call once per frame, with `editing` true while a gesture is in progress.
  void observe(const Document& doc, bool editing);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  // Return the document to show; the caller replaces its document with it.
  Document undo(const Document& current);
  Document redo(const Document& current);

 private:
  static constexpr size_t kMaxSteps = 200;
  Document committed_;
  std::vector<Document> undo_, redo_;
};

}  // namespace convplay::app
