#include "liasse/rules/memory_history.h"

namespace liasse::rules {

Result<std::optional<PrescriptionRecord>> MemoryPrescriptionHistory::Find(const PrescriptionKey& key) const {
  auto it = records_.find(key);
  if (it == records_.end()) return std::optional<PrescriptionRecord>();
  return std::optional<PrescriptionRecord>(it->second);
}

Status MemoryPrescriptionHistory::Remember(const PrescriptionRecord& record) {
  records_[record.key] = record;
  return Status::Ok();
}

}  // namespace liasse::rules
