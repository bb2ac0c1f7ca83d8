// Colour maps by linear interpolation between published stops.
#include "app/ui/colormap.h"

#include <cmath>

namespace convplay::app {

namespace {

struct Rgb {
  float r, g, b;
};

ImU32 interpolate(const Rgb* stops, int count, float t) {
  if (!(t >= 0.0f)) t = 0.0f;
  if (t > 1.0f) t = 1.0f;
  const float position = t * static_cast<float>(count - 1);
  int i = static_cast<int>(std::floor(position));
  if (i >= count - 1) i = count - 2;
  const float f = position - static_cast<float>(i);
  const Rgb& a = stops[i];
  const Rgb& b = stops[i + 1];
  return IM_COL32(static_cast<int>(a.r + (b.r - a.r) * f), static_cast<int>(a.g + (b.g - a.g) * f),
                  static_cast<int>(a.b + (b.b - a.b) * f), 255);
}

// ColorBrewer RdBu (11 classes), from negative (blue) to positive (red).
constexpr Rgb kRdBu[] = {
    {5, 48, 97},    {33, 102, 172}, {67, 147, 195},  {146, 197, 222}, {209, 229, 240}, {247, 247, 247},
    {253, 219, 199}, {244, 165, 130}, {214, 96, 77}, {178, 24, 43},    {103, 0, 31}};

// viridis, 6 stops.
constexpr Rgb kViridis[] = {{68, 1, 84},    {65, 68, 135},  {42, 120, 142},
                            {34, 168, 132}, {122, 209, 81}, {253, 231, 37}};

}  // namespace

ImU32 diverging_color(float t) { return interpolate(kRdBu, 11, (t + 1.0f) * 0.5f); }

ImU32 sequential_color(float t) { return interpolate(kViridis, 6, t); }

ImU32 text_color_on(ImU32 background) {
  const float r = static_cast<float>((background >> IM_COL32_R_SHIFT) & 0xFF);
  const float g = static_cast<float>((background >> IM_COL32_G_SHIFT) & 0xFF);
  const float b = static_cast<float>((background >> IM_COL32_B_SHIFT) & 0xFF);
  const float luma = 0.299f * r + 0.587f * g + 0.114f * b;
  return luma > 140.0f ? IM_COL32(20, 20, 24, 255) : IM_COL32(250, 250, 250, 255);
}

}  // namespace convplay::app
