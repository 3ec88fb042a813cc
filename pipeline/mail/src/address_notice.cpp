#include "liasse/mail/address_notice.h"

#include <string>

namespace liasse::mail {

Result<OutboxMessage> AddressNoticeMessage(const AddressNotice& notice, const OperatorIdentity& sender,
                                           std::string_view numero_adherent, std::string_view email,
                                           std::string_view since, std::string_view rfc_date) {
  if (notice.subject.empty()) {
    return Status::FailedPrecondition("[confirmation_adresse] absente de la configuration mail, message non envoyé");
  }
  DecompteMail m;
  m.decompte_id = "adresse-" + std::string(numero_adherent) + "-" + std::string(since);
  m.to_address = std::string(email);
  m.subject = notice.subject;
  m.text = notice.text;
  m.date = std::string(rfc_date);
  auto mime = BuildMime(m, sender);
  if (!mime.ok()) return mime.status().WithContext(std::string(numero_adherent));
  OutboxMessage message{m.decompte_id, MessageIdFor(m.decompte_id, sender.message_id_domain), sender.from_address,
                        m.to_address, std::move(mime).value()};
  message.health_data = false;
  return message;
}

}  // namespace liasse::mail
