// Scanner degradations applied to a rendered page, each drawn from the
// random stream and recorded (kind + parameters) for the truth.
#pragma once

#include <opencv2/core.hpp>

#include "model.h"

namespace liasse::synth {

struct ScannedPage {
  cv::Mat image;        // 8-bit grey; 1-bit pages are 0/255 with `bilevel`
  int dpi = 300;
  int rotation = 0;     // 0/90/180/270: how far the content is turned clockwise
  double skew_deg = 0;  // residual skew, counter-clockwise positive
  bool bilevel = false;
  Json degradations = Json::array();
};

// `profile` (clean, office, poor, fax) sets how hard the scan is; the
// individual choices come from `rng`.
ScannedPage Degrade(Rng& rng, const cv::Mat& page, int dpi, const std::string& profile);

}  // namespace liasse::synth
