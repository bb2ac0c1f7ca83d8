// Undo/redo of the app model (app/model/history.h) and what a frame costs on an image-sized
// document: the heap is counted (bench/heap_counter.cpp replaces operator new here).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/model/compute.h"
#include "app/model/document.h"
#include "app/model/history.h"
#include "heap_counter.h"
#include "image_document.h"

namespace convplay::app {
namespace {

using convplay::bench::heap_bytes_now;
using convplay::bench::image_document;
using convplay::bench::heap_peak;
using convplay::bench::reset_heap_peak;

Document small_document() {
  Document doc;
  conform_tensors(&doc);
  return doc;
}

constexpr size_t kImageBytes = 512 * 512 * 3 * sizeof(float);

// What a grid edit does: write one cell (taking the document's own copy) and mark it.
void paint(Document* doc, size_t index, float value) {
  tensor_values(doc, TensorKind::kInput)[index] = value;
  doc->input_edited = true;
}

TEST(History, UndoRedoOfAParameterChange) {
  Document doc = small_document();
  History history;
  history.reset(doc);
  const Document before = doc;
  const Document shaped = doc;
  doc.kernel = {5, 5};
  conform_tensors(&doc, &shaped);
  history.observe(doc, false);
  const Document after = doc;

  ASSERT_TRUE(history.can_undo());
  doc = history.undo(doc);
  EXPECT_EQ(doc, before);
  EXPECT_EQ(doc.kernel, (IntPair{3, 3}));
  EXPECT_EQ(doc.weight.size(), 9u);
  EXPECT_FALSE(history.can_undo());
  ASSERT_TRUE(history.can_redo());
  doc = history.redo(doc);
  EXPECT_EQ(doc, after);
  EXPECT_EQ(doc.weight.size(), 25u);
}

TEST(History, DragOfManyCellsIsOneStep) {
  Document doc = small_document();
  History history;
  history.reset(doc);
  const Document before = doc;
  for (size_t i = 0; i < doc.input.size(); ++i) {  // a drag over every cell, frame by frame
    paint(&doc, i, 7.0f);
    history.observe(doc, true);
  }
  history.observe(doc, false);  // released
  const Document after = doc;
  ASSERT_NE(after, before);

  doc = history.undo(doc);
  EXPECT_EQ(doc, before);
  EXPECT_FALSE(history.can_undo());  // one step for the whole drag
  doc = history.redo(doc);
  EXPECT_EQ(doc, after);
  for (float v : doc.input) EXPECT_EQ(v, 7.0f);
}

TEST(History, UnfinishedEditBecomesAStepOnUndo) {
  Document doc = small_document();
  History history;
  history.reset(doc);
  const Document before = doc;
  paint(&doc, 3, 9.0f);
  history.observe(doc, true);  // still dragging when undo comes
  doc = history.undo(doc);
  EXPECT_EQ(doc, before);
  EXPECT_TRUE(history.can_redo());
}

TEST(History, NewEditClearsRedo) {
  Document doc = small_document();
  History history;
  history.reset(doc);
  paint(&doc, 0, 1.5f);
  history.observe(doc, false);
  doc = history.undo(doc);
  ASSERT_TRUE(history.can_redo());
  doc.stride = {2, 2};
  history.observe(doc, false);
  EXPECT_FALSE(history.can_redo());
  EXPECT_EQ(history.redo(doc), doc);  // nothing to redo: the document stays
}

TEST(History, PresetAndShapeChangesRoundTrip) {
  Document doc = small_document();
  History history;
  history.reset(doc);
  std::vector<Document> states{doc};
  apply_preset(&doc, TensorKind::kInput, Preset::kOnes);  // every cell: a whole-buffer step
  history.observe(doc, false);
  states.push_back(doc);
  paint(&doc, 2, -4.0f);
  history.observe(doc, false);
  states.push_back(doc);
  const Document shaped = doc;
  doc.in = {7, 6};  // the edited input keeps its overlapping cells
  conform_tensors(&doc, &shaped);
  history.observe(doc, false);
  states.push_back(doc);

  for (size_t i = states.size() - 1; i > 0; --i) {
    doc = history.undo(doc);
    EXPECT_EQ(doc, states[i - 1]) << "undo to state " << i - 1;
  }
  for (size_t i = 1; i < states.size(); ++i) {
    doc = history.redo(doc);
    EXPECT_EQ(doc, states[i]) << "redo to state " << i;
  }
}

TEST(History, RewritingTheSameBitsIsNoStep) {
  Document doc = small_document();
  History history;
  history.reset(doc);
  const Document before = doc;
  const float nan = std::nanf("");
  paint(&doc, 1, nan);
  history.observe(doc, false);
  paint(&doc, 1, nan);  // a new buffer with the same bits, though NaN != NaN
  history.observe(doc, false);
  doc = history.undo(doc);
  EXPECT_EQ(doc, before);
  EXPECT_FALSE(history.can_undo());
}

TEST(History, KeepsTheLast200Steps) {
  Document doc = small_document();
  History history;
  history.reset(doc);
  std::vector<Document> states{doc};
  for (int step = 1; step <= 250; ++step) {
    paint(&doc, static_cast<size_t>(step) % doc.input.size(), static_cast<float>(step));
    history.observe(doc, false);
    states.push_back(doc);
  }
  int undone = 0;
  while (history.can_undo()) {
    doc = history.undo(doc);
    ++undone;
  }
  EXPECT_EQ(undone, static_cast<int>(History::kMaxSteps));
  EXPECT_EQ(doc, states[250 - History::kMaxSteps]);
}

TEST(History, UnchangedFrameOfAnImageAllocatesNothing) {
  Document doc = image_document();
  History history;
  history.reset(doc);
  Computer computer;
  ASSERT_TRUE(computer.update(doc));
  ASSERT_TRUE(computer.status().ok()) << computer.status().message;
  const float* storage = doc.input.data();

  const size_t live = heap_bytes_now();
  reset_heap_peak();
  const auto start = std::chrono::steady_clock::now();
  for (int frame = 0; frame < 100; ++frame) {
    history.observe(doc, false);
    EXPECT_FALSE(computer.update(doc));
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(heap_peak(), live) << "an unchanged frame allocated " << heap_peak() - live << " bytes";
  // Comparing the values instead of the buffers reads 2 × 3 MB a frame, ~30 ms for 100
  // frames here; sharing them is a few pointer compares (microseconds in all).
  EXPECT_LT(ms, 5.0) << "100 unchanged frames of a 512x512x3 document took " << ms << " ms";
  EXPECT_EQ(doc.input.data(), storage);
  EXPECT_FALSE(history.can_undo());
}

TEST(History, HundredCellEditsOfAnImageHoldCellsNotCopies) {
  Document doc = image_document();
  History history;
  history.reset(doc);
  const Document original = doc;  // holds the first buffer: the edits write to a copy
  paint(&doc, 0, 99.0f);
  history.observe(doc, false);
  const size_t live = heap_bytes_now();
  for (int edit = 1; edit < 100; ++edit) {
    paint(&doc, static_cast<size_t>(edit) * 7919u, 100.0f + static_cast<float>(edit));
    history.observe(doc, false);
  }
  // 99 more steps of one cell each: a few hundred bytes apiece, not an image (3 MB) each.
  const size_t added = heap_bytes_now() - live;
  EXPECT_LT(added, kImageBytes / 20) << "99 one-cell steps hold " << added << " bytes";
  std::printf("[ memory   ] 99 one-cell steps of a 512x512x3 image: %zu bytes\n", added);
  const Document edited = doc;
  for (int edit = 0; edit < 100; ++edit) doc = history.undo(doc);
  EXPECT_EQ(doc, original);
  EXPECT_FALSE(history.can_undo());
  for (int edit = 0; edit < 100; ++edit) doc = history.redo(doc);
  EXPECT_EQ(doc, edited);
}

TEST(Computer, RecomputesOnlyWhenTheDocumentChanges) {
  Document doc = small_document();
  Computer computer;
  ASSERT_TRUE(computer.update(doc));
  const float first = computer.result().output.data[0];
  EXPECT_FALSE(computer.update(doc));
  // Written back to the same values in a new buffer: equal, so no recompute.
  tensor_values(&doc, TensorKind::kInput)[0] = doc.input[0];
  EXPECT_FALSE(computer.update(doc));
  // A real edit of the centre of the 3×3 window of output (0, 0).
  tensor_values(&doc, TensorKind::kInput)[6] += 1.0f;
  EXPECT_TRUE(computer.update(doc));
  EXPECT_NEAR(computer.result().output.data[0], first + doc.weight[4], 1e-4);
}

}  // namespace
}  // namespace convplay::app
