// In-memory PrescriptionHistory (tests, single runs of `liasse check-lot`).
// Not thread-safe: one thread at a time.
#pragma once

#include <map>

#include "liasse/core/prescription_history.h"

namespace liasse::rules {

class MemoryPrescriptionHistory final : public PrescriptionHistory {
 public:
  Result<std::optional<PrescriptionRecord>> Find(const PrescriptionKey& key) const override;
  Status Remember(const PrescriptionRecord& record) override;
  size_t size() const { return records_.size(); }

 private:
  std::map<PrescriptionKey, PrescriptionRecord> records_;
};

}  // namespace liasse::rules
