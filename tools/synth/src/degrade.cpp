#include "degrade.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace liasse::synth {

namespace {

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

// xorshift64*: fast per-pixel noise, seeded from the page's stream.
struct FastNoise {
  uint64_t s;
  uint64_t Next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 0x2545F4914F6CDD1DULL;
  }
};

void AddGaussianNoise(cv::Mat& img, Rng& rng, double sigma) {
  FastNoise n{rng.Next() | 1};
  // Irwin–Hall of four bytes: close enough to a normal for scanner grain.
  const double scale = sigma / 147.8;
  for (int y = 0; y < img.rows; ++y) {
    auto* row = img.ptr<uint8_t>(y);
    for (int x = 0; x < img.cols; ++x) {
      const uint64_t r = n.Next();
      const int sum = static_cast<int>((r & 0xFF) + ((r >> 8) & 0xFF) + ((r >> 16) & 0xFF) + ((r >> 24) & 0xFF)) - 510;
      const int v = row[x] + static_cast<int>(std::lround(sum * scale));
      row[x] = static_cast<uint8_t>(std::clamp(v, 0, 255));
    }
  }
}

void AddSaltPepper(cv::Mat& img, Rng& rng, double density) {
  const auto count = static_cast<int64_t>(density * img.rows * img.cols);
  for (int64_t i = 0; i < count; ++i) {
    const int y = rng.Int(0, img.rows - 1), x = rng.Int(0, img.cols - 1);
    img.at<uint8_t>(y, x) = rng.Chance(0.5) ? 0 : 255;
  }
}

}  // namespace

ScannedPage Degrade(Rng& rng, const cv::Mat& page, int dpi, const std::string& profile) {
  ScannedPage out;
  out.dpi = dpi;
  cv::Mat img = page.clone();
  Json& rec = out.degradations;
  const bool clean = profile == "clean";
  const bool poor = profile == "poor";
  const bool fax = profile == "fax";

  if (!clean && rng.Chance(poor ? 0.35 : 0.1)) {  // verso showing through, mirrored and faint
    const double strength = rng.Real(0.06, 0.16);
    cv::Mat verso;
    cv::flip(page, verso, 1);
    cv::GaussianBlur(verso, verso, cv::Size(0, 0), dpi / 100.0);
    cv::Mat ink;
    cv::subtract(cv::Scalar(255), verso, ink);
    cv::Mat inkf;
    ink.convertTo(inkf, CV_8U, strength);
    cv::subtract(img, inkf, img);
    rec.push_back({{"kind", "bleed_through"}, {"strength", Round2(strength)}});
  }
  if (!clean && rng.Chance(poor ? 0.3 : 0.12)) {  // punch holes in the left margin
    const double mm = dpi / 25.4;
    const int r = static_cast<int>(std::lround(2.8 * mm));
    const int x = static_cast<int>(std::lround(rng.Real(7, 11) * mm));
    for (double yy : {img.rows / 2.0 - 40 * mm, img.rows / 2.0 + 40 * mm}) {
      cv::circle(img, cv::Point(x, static_cast<int>(yy)), r, cv::Scalar(rng.Int(20, 70)), cv::FILLED, cv::LINE_AA);
    }
    rec.push_back({{"kind", "punch_holes"}, {"count", 2}});
  }
  // Skew: always a little, sometimes a lot.
  double skew = clean ? rng.Real(-0.3, 0.3) : (poor ? rng.Real(-10, 10) : rng.Real(-2.5, 2.5));
  if (fax) skew = rng.Real(-3, 3);
  const bool dark_borders = !clean && rng.Chance(poor ? 0.5 : 0.15);
  const double border = dark_borders ? rng.Int(15, 70) : 255;
  if (std::abs(skew) >= 0.01) {
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(static_cast<float>(img.cols) / 2.f, static_cast<float>(img.rows) / 2.f), skew, 1.0);
    cv::Mat rotated;
    cv::warpAffine(img, rotated, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(border));
    img = rotated;
  }
  out.skew_deg = Round2(skew);
  if (dark_borders) {  // the scanner lid beyond the sheet edge
    const int t = rng.Int(dpi / 30, dpi / 8);
    cv::rectangle(img, cv::Rect(0, 0, img.cols, t), cv::Scalar(border), cv::FILLED);
    cv::rectangle(img, cv::Rect(img.cols - t / 2, 0, t / 2, img.rows), cv::Scalar(border), cv::FILLED);
    rec.push_back({{"kind", "dark_borders"}, {"level", static_cast<int>(border)}, {"px", t}});
  }
  if (!clean && rng.Chance(poor ? 0.25 : 0.06)) {
    const int r = rng.Int(1, 3);
    out.rotation = 90 * r;
    cv::rotate(img, img, r == 1 ? cv::ROTATE_90_CLOCKWISE : (r == 2 ? cv::ROTATE_180 : cv::ROTATE_90_COUNTERCLOCKWISE));
  }
  if (!clean && rng.Chance(poor ? 0.5 : 0.25)) {  // uneven lighting: a linear falloff
    const double lo = rng.Real(0.72, 0.92);
    const bool horizontal = rng.Chance(0.5);
    cv::Mat gain(img.size(), CV_32F);
    for (int y = 0; y < img.rows; ++y) {
      auto* g = gain.ptr<float>(y);
      for (int x = 0; x < img.cols; ++x) {
        const double t = horizontal ? static_cast<double>(x) / img.cols : static_cast<double>(y) / img.rows;
        g[x] = static_cast<float>(lo + (1.0 - lo) * t);
      }
    }
    cv::Mat f;
    img.convertTo(f, CV_32F);
    cv::multiply(f, gain, f);
    f.convertTo(img, CV_8U);
    rec.push_back({{"kind", "uneven_lighting"}, {"min_gain", Round2(lo)}, {"axis", horizontal ? "x" : "y"}});
  }
  if (!clean && rng.Chance(poor ? 0.4 : 0.15)) {  // low contrast: paper greyish, ink washed out
    const double black = rng.Real(50, 110), white = rng.Real(200, 235);
    img.convertTo(img, CV_8U, (white - black) / 255.0, black);
    rec.push_back({{"kind", "low_contrast"}, {"black", Round2(black)}, {"white", Round2(white)}});
  }
  if (!clean && rng.Chance(poor ? 0.5 : 0.3)) {
    const double sigma = rng.Real(0.4, poor ? 1.4 : 0.9) * dpi / 300.0;
    cv::GaussianBlur(img, img, cv::Size(0, 0), sigma);
    rec.push_back({{"kind", "blur"}, {"sigma_px", Round2(sigma)}});
  }
  if (!clean && rng.Chance(poor ? 0.7 : 0.5)) {
    const double sigma = rng.Real(2, poor ? 10 : 6);
    AddGaussianNoise(img, rng, sigma);
    rec.push_back({{"kind", "noise"}, {"sigma", Round2(sigma)}});
  }
  if (!clean && rng.Chance(poor ? 0.4 : 0.1)) {
    const double density = rng.Real(0.0003, 0.003);
    AddSaltPepper(img, rng, density);
    rec.push_back({{"kind", "salt_and_pepper"}, {"density", std::round(density * 1e5) / 1e5}});
  }
  if (!fax && !clean && rng.Chance(poor ? 0.4 : 0.15)) {
    const int q = rng.Int(12, 40);
    std::vector<uchar> buf;
    cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, q});
    img = cv::imdecode(buf, cv::IMREAD_GRAYSCALE);
    rec.push_back({{"kind", "jpeg_artefacts"}, {"quality", q}});
  }
  if (fax) {
    if (dpi != 200) {
      cv::resize(img, img, cv::Size(), 200.0 / dpi, 200.0 / dpi, cv::INTER_AREA);
      out.dpi = 200;
    }
    const int thr = rng.Int(140, 190);
    cv::threshold(img, img, thr, 255, cv::THRESH_BINARY);
    out.bilevel = true;
    rec.push_back({{"kind", "fax_bilevel"}, {"dpi", 200}, {"threshold", thr}});
  }
  out.image = img;
  return out;
}

}  // namespace liasse::synth
