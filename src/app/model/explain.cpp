// Contributions to one output value, from the definitions.
#include "app/model/explain.h"

#include "engine/padding_modes.h"

namespace convplay::app {

namespace {

float input_at(const Document& doc, int64_t c, int64_t y, int64_t x) {
  return doc.input[static_cast<size_t>((c * doc.in.h + y) * doc.in.w + x)];
}

float weight_at(const Document& doc, int64_t a, int64_t b, int64_t ky, int64_t kx) {
  const Shape shape = weight_shape(doc);
  return doc.weight[static_cast<size_t>(((a * shape[1] + b) * shape[2] + ky) * shape[3] + kx)];
}

// Conv2d: y[oc,oy,ox] = b[oc] + Σ_{ic in group, ky, kx} x_padded[ic, oy·s + ky·d − pad, ...] · w[oc, ic', ky, kx]
void explain_conv2d(const Result& r, Explanation* e) {
  const Document& doc = r.doc;
  const Conv2dGeometry& g = r.conv;
  const int64_t cin_g = g.in_channels_per_group();
  const int64_t group = e->out_channel / g.out_channels_per_group();
  for (int64_t icg = 0; icg < cin_g; ++icg) {
    const int64_t ic = group * cin_g + icg;
    for (int64_t ky = 0; ky < g.kernel_h; ++ky) {
      for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
        Term t{};
        t.in_channel = ic;
        t.py = e->oy * g.stride.h + ky * g.dilation.h - g.pads.top;
        t.px = e->ox * g.stride.w + kx * g.dilation.w - g.pads.left;
        t.iy = padded_source_index(t.py, g.in_h, g.padding_mode);
        t.ix = padded_source_index(t.px, g.in_w, g.padding_mode);
        if (t.iy < 0 || t.ix < 0) t.iy = t.ix = -1;
        t.out_or_in = e->out_channel;
        t.weight_ch = icg;
        t.ky = ky;
        t.kx = kx;
        t.x = t.iy < 0 ? 0.0f : input_at(doc, ic, t.iy, t.ix);
        t.w = weight_at(doc, e->out_channel, icg, ky, kx);
        e->terms.push_back(t);
      }
    }
  }
}

// ConvTranspose2d: input cell (iy, ix) stamps w[ic, oc', ky, kx]·x at
// (iy·s − p + ky·d, ix·s − p + kx·d); collect the stamps that land on (oy, ox).
void explain_conv_transpose2d(const Result& r, Explanation* e) {
  const Document& doc = r.doc;
  const ConvTranspose2dGeometry& g = r.tconv;
  const int64_t cin_g = g.in_channels_per_group();
  const int64_t cout_g = g.out_channels_per_group();
  const int64_t group = e->out_channel / cout_g;
  const int64_t ocg = e->out_channel % cout_g;
  for (int64_t icg = 0; icg < cin_g; ++icg) {
    const int64_t ic = group * cin_g + icg;
    for (int64_t ky = 0; ky < g.kernel_h; ++ky) {
      const int64_t ny = e->oy + g.padding.h - ky * g.dilation.h;
      if (ny < 0 || ny % g.stride.h != 0 || ny / g.stride.h >= g.in_h) continue;
      for (int64_t kx = 0; kx < g.kernel_w; ++kx) {
        const int64_t nx = e->ox + g.padding.w - kx * g.dilation.w;
        if (nx < 0 || nx % g.stride.w != 0 || nx / g.stride.w >= g.in_w) continue;
        Term t{};
        t.in_channel = ic;
        t.iy = t.py = ny / g.stride.h;
        t.ix = t.px = nx / g.stride.w;
        t.out_or_in = ic;
        t.weight_ch = ocg;
        t.ky = ky;
        t.kx = kx;
        t.x = input_at(doc, ic, t.iy, t.ix);
        t.w = weight_at(doc, ic, ocg, ky, kx);
        e->terms.push_back(t);
      }
    }
  }
}

}  // namespace

Explanation explain_output(const Result& r, int64_t out_channel, int64_t oy, int64_t ox) {
  Explanation e;
  e.out_channel = out_channel;
  e.oy = oy;
  e.ox = ox;
  if (is_transposed(r.doc)) {
    explain_conv_transpose2d(r, &e);
  } else {
    explain_conv2d(r, &e);
  }
  e.has_bias = r.doc.use_bias;
  if (e.has_bias) e.bias = r.doc.bias[static_cast<size_t>(out_channel)];
  double sum = e.has_bias ? e.bias : 0.0;
  for (const Term& t : e.terms) sum += static_cast<double>(t.x) * static_cast<double>(t.w);
  e.sum = sum;
  const Shape& shape = r.output.shape;
  const int64_t oh = shape[2], ow = shape[3];
  e.engine_value = r.output.data[static_cast<size_t>((out_channel * oh + oy) * ow + ox)];
  return e;
}

std::string input_index_text(const Term& t) {
  if (t.iy < 0) return "0";
  return "x[" + std::to_string(t.in_channel) + "," + std::to_string(t.iy) + "," +
         std::to_string(t.ix) + "]";
}

std::string weight_index_text(const Term& t) {
  return "w[" + std::to_string(t.out_or_in) + "," + std::to_string(t.weight_ch) + "," +
         std::to_string(t.ky) + "," + std::to_string(t.kx) + "]";
}

ChannelFocus channel_focus(const Document& doc, int64_t out_channel, int64_t preferred) {
  ChannelFocus f;
  const int64_t groups = doc.groups > 0 ? doc.groups : 1;
  const int64_t cin_g = doc.in_channels / groups;
  const int64_t cout_g = doc.out_channels / groups;
  if (cin_g <= 0 || cout_g <= 0) return f;
  const int64_t group = out_channel / cout_g;
  f.in_first = group * cin_g;
  f.in_count = cin_g;
  const bool in_group = preferred >= f.in_first && preferred < f.in_first + cin_g;
  f.in_channel = in_group ? preferred : f.in_first;
  if (is_transposed(doc)) {  // w[C_in, C_out/g, kH, kW]
    f.weight_a = f.in_channel;
    f.weight_b = out_channel % cout_g;
  } else {                   // w[C_out, C_in/g, kH, kW]
    f.weight_a = out_channel;
    f.weight_b = f.in_channel - f.in_first;
  }
  return f;
}

namespace {

// Conv2d, one axis: the output positions whose window reads input coordinate `i`,
// directly or through a padded copy of it (reflect, replicate, circular).
std::vector<int64_t> conv_axis_reach(int64_t i, int64_t size, int64_t pad_before, int64_t pad_after,
                                     PaddingMode mode, int64_t k, int64_t s, int64_t d,
                                     int64_t out) {
  std::vector<char> hit(static_cast<size_t>(out), 0);
  for (int64_t p = -pad_before; p < size + pad_after; ++p) {
    if (padded_source_index(p, size, mode) != i) continue;
    for (int64_t tap = 0; tap < k; ++tap) {
      const int64_t start = p + pad_before - tap * d;  // window start in padded coordinates
      if (start >= 0 && start % s == 0 && start / s < out) hit[static_cast<size_t>(start / s)] = 1;
    }
  }
  std::vector<int64_t> reached;
  for (int64_t o = 0; o < out; ++o) {
    if (hit[static_cast<size_t>(o)]) reached.push_back(o);
  }
  return reached;
}

// ConvTranspose2d, one axis: input coordinate i stamps tap `tap` at i·s − p + tap·d.
std::vector<int64_t> transposed_axis_reach(int64_t i, int64_t p, int64_t k, int64_t s, int64_t d,
                                           int64_t out) {
  std::vector<char> hit(static_cast<size_t>(out), 0);
  for (int64_t tap = 0; tap < k; ++tap) {
    const int64_t o = i * s - p + tap * d;
    if (o >= 0 && o < out) hit[static_cast<size_t>(o)] = 1;
  }
  std::vector<int64_t> reached;
  for (int64_t o = 0; o < out; ++o) {
    if (hit[static_cast<size_t>(o)]) reached.push_back(o);
  }
  return reached;
}

}  // namespace

std::vector<OutputCell> reach_of_input(const Result& r, int64_t channel, int64_t y, int64_t x) {
  const Shape& shape = r.output.shape;
  const int64_t oh = shape[2], ow = shape[3];
  std::vector<int64_t> ys, xs;
  int64_t cin_g = 1, cout_g = 1;
  if (is_transposed(r.doc)) {
    const ConvTranspose2dGeometry& g = r.tconv;
    ys = transposed_axis_reach(y, g.padding.h, g.kernel_h, g.stride.h, g.dilation.h, oh);
    xs = transposed_axis_reach(x, g.padding.w, g.kernel_w, g.stride.w, g.dilation.w, ow);
    cin_g = g.in_channels_per_group();
    cout_g = g.out_channels_per_group();
  } else {
    const Conv2dGeometry& g = r.conv;
    ys = conv_axis_reach(y, g.in_h, g.pads.top, g.pads.bottom, g.padding_mode, g.kernel_h,
                         g.stride.h, g.dilation.h, oh);
    xs = conv_axis_reach(x, g.in_w, g.pads.left, g.pads.right, g.padding_mode, g.kernel_w,
                         g.stride.w, g.dilation.w, ow);
    cin_g = g.in_channels_per_group();
    cout_g = g.out_channels_per_group();
  }
  std::vector<OutputCell> cells;
  const int64_t group = channel / cin_g;
  for (int64_t oc = group * cout_g; oc < (group + 1) * cout_g; ++oc) {
    for (int64_t oy : ys) {
      for (int64_t ox : xs) cells.push_back({oc, oy, ox});
    }
  }
  return cells;
}

std::vector<int> overlap_counts(const Result& r, int64_t out_channel) {
  const Shape& shape = r.output.shape;
  const int64_t oh = shape[2], ow = shape[3];
  std::vector<int> counts(static_cast<size_t>(oh * ow), 0);
  for (int64_t oy = 0; oy < oh; ++oy) {
    for (int64_t ox = 0; ox < ow; ++ox) {
      const Explanation e = explain_output(r, out_channel, oy, ox);
      int count = 0;
      for (const Term& t : e.terms) {
        if (t.iy >= 0 && t.in_channel == e.terms.front().in_channel) ++count;
      }
      counts[static_cast<size_t>(oy * ow + ox)] = count;
    }
  }
  return counts;
}

void partial_stamp_sums(const Result& r, int64_t out_channel, int64_t last_pixel,
                        std::vector<float>* sums, std::vector<char>* touched) {
  const Shape& shape = r.output.shape;
  const int64_t oh = shape[2], ow = shape[3];
  const int64_t in_w = r.doc.in.w;
  sums->assign(static_cast<size_t>(oh * ow), 0.0f);
  touched->assign(static_cast<size_t>(oh * ow), 0);
  for (int64_t oy = 0; oy < oh; ++oy) {
    for (int64_t ox = 0; ox < ow; ++ox) {
      const Explanation e = explain_output(r, out_channel, oy, ox);
      double sum = e.has_bias ? e.bias : 0.0;
      bool any = false;
      for (const Term& t : e.terms) {
        if (t.iy * in_w + t.ix > last_pixel) continue;
        sum += static_cast<double>(t.x) * static_cast<double>(t.w);
        any = true;
      }
      (*sums)[static_cast<size_t>(oy * ow + ox)] = static_cast<float>(sum);
      (*touched)[static_cast<size_t>(oy * ow + ox)] = any ? 1 : 0;
    }
  }
}

}  // namespace convplay::app
