// Undo/redo. An edit is committed once it is finished (mouse released, slider let go), so
// one drag is one undo step. A step keeps the parameters before and after and, per tensor,
// only the cells that changed: 100 one-cell edits of a 512×512×3 image hold 100 cells,
// not 100 images. A frame with nothing changed costs O(1) (the document still shares its
// tensors' buffers with the committed one, see shared_values.h).
#pragma once

#include <cstdint>
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

  static constexpr size_t kMaxSteps = 200;

 private:
  // One tensor's change in a step: a few cells, or (new size, or most cells changed) both
  // whole buffers, which the documents already held (shared, not copied).
  struct TensorDelta {
    bool changed = false;
    bool whole = false;
    SharedValues whole_before, whole_after;
    std::vector<uint32_t> cells;
    std::vector<float> cells_before, cells_after;
  };
  struct Step {
    Document before, after;  // parameters only: their tensors are left empty
    TensorDelta tensors[3];  // by TensorKind
  };
  static Step make_step(const Document& before, const Document& after);
  // The committed document moved along `step` (backwards: undo).
  static Document apply(const Step& step, const Document& from, bool backwards);

  Document committed_;
  std::vector<Step> undo_, redo_;
};

}  // namespace convplay::app
