// The sums the playground writes out (app/model/explain.h), checked against the engine:
// every output cell of a range of configurations, the channels a focus shows, the reach
// of an input cell, and the overlap counts behind checkerboard artefacts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "app/model/compute.h"
#include "app/model/document.h"
#include "app/model/explain.h"

namespace convplay::app {
namespace {

struct Config {
  const char* name;
  Document doc;
};

void PrintTo(const Config& config, std::ostream* os) { *os << config.name; }

Document conv(IntPair in, int cin, int cout, int groups, IntPair k) {
  Document d;
  d.op = Op::kConv2d;
  d.in = in;
  d.in_channels = cin;
  d.out_channels = cout;
  d.groups = groups;
  d.kernel = k;
  d.padding = {0, 0};
  return d;
}

Document tconv(IntPair in, int cin, int cout, int groups, IntPair k) {
  Document d = conv(in, cin, cout, groups, k);
  d.op = Op::kConvTranspose2d;
  return d;
}

std::vector<Config> configs() {
  std::vector<Config> all;
  Document d = conv({5, 5}, 4, 4, 2, {3, 3});
  d.padding = {1, 1};
  d.use_bias = true;
  all.push_back({"Conv2dGroups2", d});
  all.push_back({"Conv2dDepthwise", conv({5, 4}, 3, 6, 3, {3, 3})});
  d = conv({7, 7}, 2, 1, 1, {3, 3});
  d.dilation = {2, 2};
  d.padding = {2, 1};
  all.push_back({"Conv2dDilation", d});
  d = conv({7, 6}, 2, 4, 2, {3, 2});
  d.stride = {2, 2};
  d.padding = {1, 0};
  d.use_bias = true;
  all.push_back({"Conv2dStride", d});
  d = conv({6, 6}, 1, 2, 1, {3, 3});
  d.padding = {2, 2};
  d.mode = PaddingMode::kReflect;
  all.push_back({"Conv2dReflect", d});
  d = conv({4, 4}, 3, 3, 3, {4, 4});
  d.padding_kind = PaddingKind::kSame;
  d.mode = PaddingMode::kReplicate;
  all.push_back({"Conv2dReplicateSame", d});
  d = conv({5, 4}, 1, 1, 1, {3, 3});
  d.padding = {3, 3};
  d.dilation = {2, 2};
  d.mode = PaddingMode::kCircular;
  all.push_back({"Conv2dCircular", d});
  d = tconv({3, 3}, 1, 1, 1, {3, 3});
  d.stride = {2, 2};
  d.padding = {1, 1};
  d.output_padding = {1, 1};
  all.push_back({"ConvTranspose2dOutputPadding", d});
  d = tconv({4, 3}, 4, 2, 2, {3, 2});
  d.stride = {2, 1};
  d.padding = {1, 1};
  d.dilation = {2, 2};
  d.use_bias = true;
  all.push_back({"ConvTranspose2dGroups", d});
  d = tconv({3, 3}, 4, 4, 2, {3, 3});
  d.stride = {2, 2};
  all.push_back({"ConvTranspose2dGroupsStride2", d});
  d = tconv({5, 5}, 1, 1, 1, {3, 3});
  d.stride = {2, 2};
  d.padding = {3, 3};
  all.push_back({"ConvTranspose2dCropped", d});
  for (Config& c : all) {
    c.doc.input_preset = Preset::kRandom;
    c.doc.weight_preset = Preset::kRandom;
    conform_tensors(&c.doc);
  }
  return all;
}

Result compute(const Document& doc) {
  Computer computer;
  computer.update(doc);
  EXPECT_TRUE(computer.status().ok()) << computer.status().message;
  return computer.result();
}

float input_value(const Document& d, int64_t c, int64_t y, int64_t x) {
  return d.input[static_cast<size_t>((c * d.in.h + y) * d.in.w + x)];
}

float weight_value(const Document& d, int64_t a, int64_t b, int64_t ky, int64_t kx) {
  const Shape s = weight_shape(d);
  return d.weight[static_cast<size_t>(((a * s[1] + b) * s[2] + ky) * s[3] + kx)];
}

class ExplainEveryCell : public ::testing::TestWithParam<Config> {};

// Every term reads the input cell and the weight tap it names, in the output channel's
// own group and weight pair, and the terms plus bias add up to what the engine computed.
TEST_P(ExplainEveryCell, TermsSumToTheEngineOutput) {
  const Document& d = GetParam().doc;
  const Result r = compute(d);
  const Shape& out = r.output.shape;
  const Shape w = weight_shape(d);
  const int64_t cin_g = d.in_channels / d.groups, cout_g = d.out_channels / d.groups;
  const bool transposed = is_transposed(d);
  int64_t cells = 0;
  for (int64_t oc = 0; oc < out[1]; ++oc) {
    const int64_t group = oc / cout_g;
    for (int64_t oy = 0; oy < out[2]; ++oy) {
      for (int64_t ox = 0; ox < out[3]; ++ox) {
        const Explanation e = explain_output(r, oc, oy, ox);
        const float engine = r.output.data[static_cast<size_t>((oc * out[2] + oy) * out[3] + ox)];
        double sum = d.use_bias ? d.bias[static_cast<size_t>(oc)] : 0.0;
        for (const Term& t : e.terms) {
          ASSERT_GE(t.in_channel, group * cin_g);
          ASSERT_LT(t.in_channel, (group + 1) * cin_g);
          ASSERT_TRUE(t.ky >= 0 && t.ky < w[2] && t.kx >= 0 && t.kx < w[3]);
          if (transposed) {
            EXPECT_EQ(t.out_or_in, t.in_channel);
            EXPECT_EQ(t.weight_ch, oc % cout_g);
          } else {
            EXPECT_EQ(t.out_or_in, oc);
            EXPECT_EQ(t.weight_ch, t.in_channel - group * cin_g);
          }
          if (t.iy >= 0) {
            ASSERT_TRUE(t.iy < d.in.h && t.ix >= 0 && t.ix < d.in.w);
            EXPECT_EQ(t.x, input_value(d, t.in_channel, t.iy, t.ix));
          } else {
            EXPECT_EQ(t.x, 0.0f);
          }
          EXPECT_EQ(t.w, weight_value(d, t.out_or_in, t.weight_ch, t.ky, t.kx));
          sum += static_cast<double>(t.x) * static_cast<double>(t.w);
        }
        if (!transposed) {  // a window always has every tap, padding included
          EXPECT_EQ(static_cast<int64_t>(e.terms.size()), cin_g * w[2] * w[3]);
        }
        EXPECT_NEAR(e.sum, sum, 1e-9);
        EXPECT_NEAR(e.sum, engine, 1e-4 * (1.0 + std::fabs(engine)))
            << "y[" << oc << "," << oy << "," << ox << "]";
        EXPECT_EQ(e.engine_value, engine);
        ++cells;
      }
    }
  }
  EXPECT_EQ(cells, static_cast<int64_t>(r.output.data.size()));
}

// Forward from each input cell (reach_of_input) and backward from each output cell
// (explain_output) are computed separately; they must name the same pairs.
TEST_P(ExplainEveryCell, ReachOfInputAgreesWithExplain) {
  const Document& d = GetParam().doc;
  const Result r = compute(d);
  const Shape& out = r.output.shape;
  std::set<std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t, int64_t>> from_explain;
  for (int64_t oc = 0; oc < out[1]; ++oc)
    for (int64_t oy = 0; oy < out[2]; ++oy)
      for (int64_t ox = 0; ox < out[3]; ++ox)
        for (const Term& t : explain_output(r, oc, oy, ox).terms)
          if (t.iy >= 0) from_explain.insert({t.in_channel, t.iy, t.ix, oc, oy, ox});
  size_t from_reach = 0;
  for (int64_t c = 0; c < d.in_channels; ++c) {
    for (int64_t y = 0; y < d.in.h; ++y) {
      for (int64_t x = 0; x < d.in.w; ++x) {
        const std::vector<OutputCell> cells = reach_of_input(r, c, y, x);
        for (size_t i = 0; i < cells.size(); ++i) {
          const OutputCell& o = cells[i];
          EXPECT_TRUE(from_explain.count({c, y, x, o.out_channel, o.oy, o.ox}))
              << "x[" << c << "," << y << "," << x << "] -> y[" << o.out_channel << "," << o.oy
              << "," << o.ox << "]";
          if (i > 0) {  // row-major, no repeats
            const OutputCell& p = cells[i - 1];
            EXPECT_LT(std::tie(p.out_channel, p.oy, p.ox), std::tie(o.out_channel, o.oy, o.ox));
          }
        }
        from_reach += cells.size();
      }
    }
  }
  EXPECT_EQ(from_reach, from_explain.size());
}

// The channels a focus shows are the ones its sum reads, with the weight pair its terms use.
TEST_P(ExplainEveryCell, ChannelFocusShowsTheChannelsTheSumReads) {
  const Document& d = GetParam().doc;
  const Result r = compute(d);
  for (int64_t oc = 0; oc < r.output.shape[1]; ++oc) {
    const Explanation e = explain_output(r, oc, 0, 0);
    std::set<int64_t> read;
    for (const Term& t : e.terms) read.insert(t.in_channel);
    for (int64_t preferred = 0; preferred < d.in_channels; ++preferred) {
      const ChannelFocus f = channel_focus(d, oc, preferred);
      for (int64_t c : read) {
        EXPECT_TRUE(c >= f.in_first && c < f.in_first + f.in_count);
      }
      EXPECT_TRUE(f.in_channel >= f.in_first && f.in_channel < f.in_first + f.in_count);
      for (const Term& t : e.terms) {
        if (t.in_channel != f.in_channel) continue;
        EXPECT_EQ(t.out_or_in, f.weight_a);
        EXPECT_EQ(t.weight_ch, f.weight_b);
      }
    }
  }
}

// ConvTranspose2d's view: the stamps of every input pixel add up to the output.
class StampEveryPixel : public ::testing::TestWithParam<Config> {};

TEST_P(StampEveryPixel, AllStampsMakeTheOutput) {
  const Document& d = GetParam().doc;
  const Result r = compute(d);
  const Shape& out = r.output.shape;
  for (int64_t oc = 0; oc < out[1]; ++oc) {
    std::vector<float> sums;
    std::vector<char> touched;
    partial_stamp_sums(r, oc, d.in.h * d.in.w - 1, &sums, &touched);
    for (int64_t i = 0; i < out[2] * out[3]; ++i) {
      const float engine = r.output.data[static_cast<size_t>(oc * out[2] * out[3] + i)];
      EXPECT_NEAR(sums[static_cast<size_t>(i)], engine, 1e-4 * (1.0 + std::fabs(engine)));
    }
    partial_stamp_sums(r, oc, -1, &sums, &touched);  // before the first stamp: bias only
    EXPECT_TRUE(std::none_of(touched.begin(), touched.end(), [](char t) { return t != 0; }));
  }
}

std::string config_name(const ::testing::TestParamInfo<Config>& config) {
  return config.param.name;
}

std::vector<Config> transposed_configs() {
  std::vector<Config> all = configs();
  all.erase(std::remove_if(all.begin(), all.end(),
                           [](const Config& c) { return !is_transposed(c.doc); }),
            all.end());
  return all;
}

INSTANTIATE_TEST_SUITE_P(Explain, ExplainEveryCell, ::testing::ValuesIn(configs()), config_name);
INSTANTIATE_TEST_SUITE_P(Explain, StampEveryPixel, ::testing::ValuesIn(transposed_configs()),
                         config_name);

TEST(ChannelFocus, Groups2OutputChannel3ReadsInputChannels2And3) {
  Document d = conv({4, 4}, 4, 4, 2, {3, 3});
  ChannelFocus f = channel_focus(d, 3, 0);  // channel 0 is the other group's
  EXPECT_EQ(f.in_first, 2);
  EXPECT_EQ(f.in_count, 2);
  EXPECT_EQ(f.in_channel, 2);
  EXPECT_EQ(f.weight_a, 3);  // w[C_out, C_in/g]: output channel 3, its group's input 0
  EXPECT_EQ(f.weight_b, 0);
  f = channel_focus(d, 3, 3);  // the reader's choice is kept when the sum reads it
  EXPECT_EQ(f.in_channel, 3);
  EXPECT_EQ(f.weight_b, 1);
  f = channel_focus(d, 1, 3);
  EXPECT_EQ(f.in_first, 0);
  EXPECT_EQ(f.in_channel, 0);
  EXPECT_EQ(f.weight_a, 1);
}

TEST(ChannelFocus, TransposedUsesTheInputChannelAsTheWeightsFirstIndex) {
  Document d = tconv({3, 3}, 4, 4, 2, {3, 3});
  const ChannelFocus f = channel_focus(d, 3, 0);
  EXPECT_EQ(f.in_first, 2);
  EXPECT_EQ(f.in_count, 2);
  EXPECT_EQ(f.in_channel, 2);
  EXPECT_EQ(f.weight_a, 2);  // w[C_in, C_out/g]: input channel 2, output 3 is its group's 1
  EXPECT_EQ(f.weight_b, 1);
}

TEST(ExplainText, TermsNameTheirIndicesInPyTorchOrder) {
  Term t{};
  t.in_channel = 1;
  t.iy = t.py = 0;
  t.ix = t.px = 2;
  t.out_or_in = 3;
  t.weight_ch = 1;
  t.ky = 0;
  t.kx = 1;
  EXPECT_EQ(input_index_text(t), "x[1,0,2]");
  EXPECT_EQ(weight_index_text(t), "w[3,1,0,1]");
  t.iy = t.ix = -1;  // zero padding
  EXPECT_EQ(input_index_text(t), "0");
}

Result transposed_ones(int k, int s, int p) {
  Document d = tconv({4, 4}, 1, 1, 1, {k, k});
  d.stride = {s, s};
  d.padding = {p, p};
  d.input_preset = d.weight_preset = Preset::kOnes;
  conform_tensors(&d);
  return compute(d);
}

// Overlap counts inside the border (the border has fewer stamps whatever k and s are).
std::vector<int> interior_counts(const Result& r) {
  const std::vector<int> counts = overlap_counts(r, 0);
  const int64_t oh = r.output.shape[2], ow = r.output.shape[3];
  std::vector<int> interior;
  for (int64_t y = 2; y < oh - 2; ++y)
    for (int64_t x = 2; x < ow - 2; ++x) interior.push_back(counts[static_cast<size_t>(y * ow + x)]);
  return interior;
}

TEST(OverlapCounts, KernelDivisibleByStrideIsUniform) {
  const Result r = transposed_ones(4, 2, 1);
  const std::vector<int> interior = interior_counts(r);
  ASSERT_FALSE(interior.empty());
  for (int c : interior) EXPECT_EQ(c, 4);
  // With ones everywhere, each output is its count of stamps.
  const std::vector<int> counts = overlap_counts(r, 0);
  for (size_t i = 0; i < counts.size(); ++i) {
    EXPECT_EQ(static_cast<float>(counts[i]), r.output.data[i]);
  }
}

TEST(OverlapCounts, KernelNotDivisibleByStrideMakesACheckerboard) {
  const std::vector<int> interior = interior_counts(transposed_ones(3, 2, 0));
  ASSERT_FALSE(interior.empty());
  EXPECT_EQ(*std::min_element(interior.begin(), interior.end()), 1);
  EXPECT_EQ(*std::max_element(interior.begin(), interior.end()), 4);
}

}  // namespace
}  // namespace convplay::app
