// Portable random numbers for the generator: std::mt19937_64 is specified
// bit for bit by the standard, the std distributions are not, so every
// distribution used here is written out and output stays byte-identical
// across standard libraries for the same seed.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace liasse::synth {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  // A child stream for item `index`: independent of how many numbers the
  // parent drew, so envelopes can be generated in any order or thread.
  static Rng Derive(uint64_t seed, uint64_t index);

  uint64_t Next() { return engine_(); }
  // Uniform in [lo, hi] (inclusive), unbiased (rejection).
  int64_t Int(int64_t lo, int64_t hi);
  int Int(int lo, int hi) { return static_cast<int>(Int(static_cast<int64_t>(lo), static_cast<int64_t>(hi))); }
  // Uniform in [0, 1) with 53 random bits.
  double Unit();
  double Real(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  bool Chance(double p) { return Unit() < p; }
  // Standard normal (Box–Muller).
  double Normal(double mean, double sd);

  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(int64_t{0}, static_cast<int64_t>(v.size()) - 1))];
  }
  // Index drawn with the given non-negative weights.
  size_t Weighted(const std::vector<double>& weights);
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) {
      auto j = static_cast<size_t>(Int(int64_t{0}, static_cast<int64_t>(i) - 1));
      std::swap(v[i - 1], v[j]);
    }
  }
  std::string Digits(int n);

 private:
  std::mt19937_64 engine_;
};

}  // namespace liasse::synth
