// Undo/redo stacks of steps that hold the parameters and the changed cells (history.h).
#include "app/model/history.h"

#include <algorithm>
#include <cstring>

namespace convplay::app {

namespace {

constexpr TensorKind kKinds[] = {TensorKind::kInput, TensorKind::kWeight, TensorKind::kBias};

// A step stores no tensor buffers through its documents: only through its deltas.
Document parameters_of(const Document& doc) {
  Document params = doc;
  for (TensorKind kind : kKinds) tensor_storage(&params, kind).clear();
  return params;
}

}  // namespace

History::Step History::make_step(const Document& before, const Document& after) {
  Step step;
  step.before = parameters_of(before);
  step.after = parameters_of(after);
  for (TensorKind kind : kKinds) {
    const SharedValues& a = tensor_storage(before, kind);
    const SharedValues& b = tensor_storage(after, kind);
    TensorDelta& delta = step.tensors[static_cast<int>(kind)];
    if (a.shares_buffer_with(b)) continue;  // the usual case: O(1)
    if (a.size() == b.size()) {
      // Bit for bit (an undo restores exactly), a block at a time: memcmp skips the
      // unchanged blocks of a large image at memory speed.
      constexpr size_t kBlock = 256;
      for (size_t start = 0; start < a.size(); start += kBlock) {
        const size_t count = std::min(kBlock, a.size() - start);
        if (std::memcmp(a.data() + start, b.data() + start, count * sizeof(float)) == 0) continue;
        for (size_t i = start; i < start + count; ++i) {
          if (std::memcmp(a.data() + i, b.data() + i, sizeof(float)) == 0) continue;
          delta.cells.push_back(static_cast<uint32_t>(i));
          delta.cells_before.push_back(a[i]);
          delta.cells_after.push_back(b[i]);
        }
      }
      delta.changed = !delta.cells.empty();
      // A cell costs 12 bytes here, the two buffers 8 per value: past a third, keep those.
      if (delta.cells.size() * 3 <= a.size()) continue;
    }
    delta = TensorDelta{};
    delta.changed = delta.whole = true;
    delta.whole_before = a;
    delta.whole_after = b;
  }
  return step;
}

Document History::apply(const Step& step, const Document& from, bool backwards) {
  Document doc = backwards ? step.before : step.after;
  for (TensorKind kind : kKinds) {
    const TensorDelta& delta = step.tensors[static_cast<int>(kind)];
    SharedValues& values = tensor_storage(&doc, kind);
    if (delta.whole) {
      values = backwards ? delta.whole_before : delta.whole_after;
      continue;
    }
    values = tensor_storage(from, kind);
    if (!delta.changed) continue;
    std::vector<float>& cells = values.edit();
    const std::vector<float>& to = backwards ? delta.cells_before : delta.cells_after;
    for (size_t i = 0; i < delta.cells.size(); ++i) cells[delta.cells[i]] = to[i];
  }
  return doc;
}

void History::reset(const Document& doc) {
  committed_ = doc;
  undo_.clear();
  redo_.clear();
}

void History::observe(const Document& doc, bool editing) {
  if (editing || doc == committed_) {
    // Equal values in a new buffer (written, then written back): share it again, so the
    // next frame compares in O(1).
    if (!editing) committed_ = doc;
    return;
  }
  Step step = make_step(committed_, doc);
  committed_ = doc;
  // Equal bit for bit though not as floats compare (NaN): nothing to undo.
  if (step.before == step.after && !step.tensors[0].changed && !step.tensors[1].changed &&
      !step.tensors[2].changed) {
    return;
  }
  undo_.push_back(std::move(step));
  if (undo_.size() > kMaxSteps) undo_.erase(undo_.begin());
  redo_.clear();
}

Document History::undo(const Document& current) {
  observe(current, false);  // an unfinished edit becomes a step first
  if (undo_.empty()) return current;
  committed_ = apply(undo_.back(), committed_, true);
  redo_.push_back(std::move(undo_.back()));
  undo_.pop_back();
  return committed_;
}

Document History::redo(const Document& current) {
  observe(current, false);
  if (redo_.empty()) return current;
  committed_ = apply(redo_.back(), committed_, false);
  undo_.push_back(std::move(redo_.back()));
  redo_.pop_back();
  return committed_;
}

}  // namespace convplay::app
