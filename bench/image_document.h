// The image mode's document size (512×512 RGB input, W2's 5×5 kernel, 3 outputs), for the
// model benchmark and the native history tests that measure what a frame costs at it.
#pragma once

#include "app/model/document.h"

namespace convplay::bench {

inline app::Document image_document() {
  app::Document doc;
  doc.in = {512, 512};
  doc.in_channels = 3;
  doc.out_channels = 3;
  doc.kernel = {5, 5};
  doc.padding = {2, 2};
  app::conform_tensors(&doc);
  return doc;
}

}  // namespace convplay::bench
