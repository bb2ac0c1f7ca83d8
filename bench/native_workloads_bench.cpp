// Google Benchmark of the workloads W1-W5 (bench/README.md) natively: conv2d() and
// conv_transpose2d() (the fast paths) next to the reference loops. Counters: GFLOP/s
// with the FLOP formulas, and the peak heap one call adds beyond its operands
// (output + workspace), to check the workspace stays within one output.
#include <benchmark/benchmark.h>

#include <random>

#include "engine/convplay.h"
#include "heap_counter.h"

namespace {

using convplay::Shape;
using convplay::Tensor;
using convplay::TensorView;

struct Workload {
  const char* name;
  bool transposed;
  Shape input, weight;
  int64_t stride, padding, groups;
};

const Workload kWorkloads[] = {
    {"W1_cell", false, {1, 1, 8, 8}, {1, 1, 3, 3}, 1, 1, 1},
    {"W2_image", false, {1, 3, 512, 512}, {3, 3, 5, 5}, 1, 2, 1},
    {"W3_decoder", true, {1, 64, 64, 64}, {64, 32, 4, 4}, 2, 1, 1},
    {"W4_layer", false, {1, 64, 56, 56}, {64, 64, 3, 3}, 1, 1, 1},
    {"W5_depthwise", false, {1, 64, 56, 56}, {64, 1, 3, 3}, 1, 1, 64},
};

std::vector<float> random_values(int64_t count) {
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(static_cast<size_t>(count));
  for (float& x : v) x = dist(rng);
  return v;
}

double workload_flops(const Workload& w, const Tensor& out) {
  if (w.transposed) {  // 2 * N * Cin * Hin * Win * (Cout/g) * kH * kW
    return 2.0 * static_cast<double>(convplay::element_count(w.input) * w.weight[1] *
                                     w.weight[2] * w.weight[3]);
  }
  // 2 * N * Cout * Hout * Wout * (Cin/g) * kH * kW
  return 2.0 * static_cast<double>(out.data.size()) *
         static_cast<double>(w.weight[1] * w.weight[2] * w.weight[3]);
}

void run_workload(benchmark::State& state, const Workload& w, bool reference) {
  const std::vector<float> x = random_values(convplay::element_count(w.input));
  const std::vector<float> k = random_values(convplay::element_count(w.weight));
  const int64_t out_channels = w.transposed ? w.weight[1] * w.groups : w.weight[0];
  const std::vector<float> b = random_values(out_channels);
  const TensorView input{x.data(), w.input}, weight{k.data(), w.weight}, bias{b.data(), {out_channels}};
  Tensor out;
  auto call = [&] {
    if (w.transposed) {
      convplay::ConvTranspose2dParams p;
      p.stride = {w.stride, w.stride};
      p.padding = {w.padding, w.padding};
      p.groups = w.groups;
      auto run = reference ? convplay::conv_transpose2d_reference : convplay::conv_transpose2d;
      return run(input, weight, &bias, p, &out);
    }
    convplay::Conv2dParams p;
    p.stride = {w.stride, w.stride};
    p.padding = {w.padding, w.padding};
    p.groups = w.groups;
    auto run = reference ? convplay::conv2d_reference : convplay::conv2d;
    return run(input, weight, &bias, p, &out);
  };
  // One call measured for memory: everything it allocates beyond the operands.
  out = Tensor{};
  const size_t before = convplay::bench::reset_heap_peak();
  if (!call().ok()) {
    state.SkipWithError("engine rejected the workload");
    return;
  }
  const double extra_bytes = static_cast<double>(convplay::bench::heap_peak() - before);
  const double output_bytes = static_cast<double>(out.data.size() * sizeof(float));
  for (auto _ : state) {
    benchmark::DoNotOptimize(call());
    benchmark::ClobberMemory();
  }
  const double flops = workload_flops(w, out);
  state.counters["GFLOP/s"] =
      benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["workspace/output"] = (extra_bytes - output_bytes) / output_bytes;
}

void register_all() {
  for (const Workload& w : kWorkloads) {
    benchmark::RegisterBenchmark((std::string(w.name) + "/fast").c_str(),
                                 [&w](benchmark::State& s) { run_workload(s, w, false); })
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark((std::string(w.name) + "/reference").c_str(),
                                 [&w](benchmark::State& s) { run_workload(s, w, true); })
        ->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
