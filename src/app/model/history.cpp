// Undo/redo stacks.
#include "app/model/history.h"

namespace convplay::app {

void History::reset(const Document& doc) {
  committed_ = doc;
  undo_.clear();
  redo_.clear();
}

void History::observe(const Document& doc, bool editing) {
  if (editing || doc == committed_) return;
  undo_.push_back(committed_);
  if (undo_.size() > kMaxSteps) undo_.erase(undo_.begin());
  redo_.clear();
  committed_ = doc;
}

Document History::undo(const Document& current) {
  observe(current, false);  // an unfinished edit becomes a step first
  if (undo_.empty()) return current;
  redo_.push_back(committed_);
  committed_ = undo_.back();
  undo_.pop_back();
  return committed_;
}

Document History::redo(const Document& current) {
  observe(current, false);
  if (redo_.empty()) return current;
  undo_.push_back(committed_);
  committed_ = redo_.back();
  redo_.pop_back();
  return committed_;
}

}  // namespace convplay::app
