// Runs the engine on the document when it changes, and keeps the last valid result so
// the screen never goes blank while a combination is invalid.
#pragma once

#include "app/model/document.h"
#include "engine/convplay.h"

namespace convplay::app {

struct Result {
  Document doc;  // the document this result belongs to (shares its tensors: no copy)
  Tensor output;
  Conv2dGeometry conv;             // when !is_transposed(doc)
  ConvTranspose2dGeometry tconv;   // when is_transposed(doc)
  TransposedAsConv as_conv;        // when is_transposed(doc): the tutorial's intermediates
  RoundTripAxis round_trip[2];     // Conv2d with explicit zero padding only, per axis h, w
  bool round_trip_ok = false;
};

class Computer {
 public:
  // Recomputes when `doc` differs from the last document seen. Returns true if it did.
  // O(1) while `doc` shares its tensors' buffers with that one (shared_values.h).
  bool update(const Document& doc);

  bool has_result() const { return has_result_; }
  const Result& result() const { return result_; }  // the last valid one
  const Status& status() const { return status_; }  // of the current document
  double last_compute_ms() const { return last_compute_ms_; }

 private:
  bool has_seen_ = false;
  Document seen_;
  bool has_result_ = false;
  Result result_;
  Status status_;
  double last_compute_ms_ = 0;
};

}  // namespace convplay::app
