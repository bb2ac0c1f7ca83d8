// Google Benchmark of the app model's per-frame work on an image-sized document (512×512×3,
// the image mode's input, with W2's 5×5 kernel): History::observe() + Computer::update()
// when nothing changed, and after a one-cell edit (which recomputes the convolution).
#include <benchmark/benchmark.h>

#include "app/model/compute.h"
#include "app/model/document.h"
#include "app/model/history.h"
#include "image_document.h"

namespace {

using convplay::app::Computer;
using convplay::app::Document;
using convplay::app::History;
using convplay::app::TensorKind;
using convplay::bench::image_document;

// A frame of the app: the model's two per-frame checks, after `edit` (if any) was made.
template <typename Edit>
void frames(benchmark::State& state, Edit edit) {
  Document doc = image_document();
  History history;
  history.reset(doc);
  Computer computer;
  computer.update(doc);
  int frame = 0;
  for (auto _ : state) {
    edit(&doc, frame++);
    history.observe(doc, false);
    benchmark::DoNotOptimize(computer.update(doc));
  }
}

void BM_Unchanged(benchmark::State& state) {
  frames(state, [](Document*, int) {});
}

// One cell painted per frame (a new value each time): one undo step and one recompute.
void BM_OneCellEdit(benchmark::State& state) {
  frames(state, [](Document* doc, int frame) {
    convplay::app::tensor_values(doc, TensorKind::kInput)[12345] = static_cast<float>(frame % 97);
    doc->input_edited = true;
  });
}

// The same edit with the history alone: what the edit costs beyond the convolution.
void BM_OneCellEditHistoryOnly(benchmark::State& state) {
  Document doc = image_document();
  History history;
  history.reset(doc);
  int frame = 0;
  for (auto _ : state) {
    convplay::app::tensor_values(&doc, TensorKind::kInput)[12345] = static_cast<float>(frame++ % 97);
    history.observe(doc, false);
  }
}

BENCHMARK(BM_Unchanged)->Name("ModelFrame/512x512x3/unchanged");
BENCHMARK(BM_OneCellEdit)->Name("ModelFrame/512x512x3/one_cell_edit")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OneCellEditHistoryOnly)
    ->Name("ModelFrame/512x512x3/one_cell_edit_history_only")
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
