#include "ocr_cache_codec.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <span>

#include "liasse/ocr/page_image.h"

namespace liasse::runner {
namespace {

using nlohmann::json;

json BoxJson(const ocr::Box& b) { return json::array({b.x, b.y, b.width, b.height}); }
ocr::Box BoxFrom(const json& j) { return {j.at(0).get<int>(), j.at(1).get<int>(), j.at(2).get<int>(), j.at(3).get<int>()}; }

json PageJson(const ocr::PageResult& p) {
  json blocks = json::array();
  for (const auto& block : p.blocks) {
    json lines = json::array();
    for (const auto& line : block.lines) {
      json words = json::array();
      for (const auto& w : line.words) words.push_back({{"t", w.text}, {"b", BoxJson(w.box)}, {"c", w.confidence}});
      lines.push_back({{"b", BoxJson(line.box)}, {"w", std::move(words)}});
    }
    blocks.push_back({{"b", BoxJson(block.box)}, {"l", std::move(lines)}});
  }
  return {{"page_number", p.page_number},
          {"dpi", p.dpi},
          {"rotation_degrees", p.rotation_degrees},
          {"orientation_confidence", p.orientation_confidence},
          {"skew_degrees", p.skew_degrees},
          {"skew_confidence", p.skew_confidence},
          {"text", p.text},
          {"mean_confidence", p.mean_confidence},
          {"timings", {p.timings.orient_ms, p.timings.deskew_ms, p.timings.clean_ms, p.timings.recognise_ms}},
          {"blocks", std::move(blocks)}};
}

ocr::PageResult PageFrom(const json& j) {
  ocr::PageResult p;
  p.page_number = j.at("page_number").get<int>();
  p.dpi = j.at("dpi").get<int>();
  p.rotation_degrees = j.at("rotation_degrees").get<int>();
  p.orientation_confidence = j.at("orientation_confidence").get<float>();
  p.skew_degrees = j.at("skew_degrees").get<double>();
  p.skew_confidence = j.at("skew_confidence").get<float>();
  p.text = j.at("text").get<std::string>();
  p.mean_confidence = j.at("mean_confidence").get<float>();
  const json& t = j.at("timings");
  p.timings = {t.at(0).get<double>(), t.at(1).get<double>(), t.at(2).get<double>(), t.at(3).get<double>()};
  for (const auto& block : j.at("blocks")) {
    ocr::Block b{BoxFrom(block.at("b")), {}};
    for (const auto& line : block.at("l")) {
      ocr::Line l{BoxFrom(line.at("b")), {}};
      for (const auto& w : line.at("w")) l.words.push_back({w.at("t").get<std::string>(), BoxFrom(w.at("b")), w.at("c").get<float>()});
      b.lines.push_back(std::move(l));
    }
    p.blocks.push_back(std::move(b));
  }
  return p;
}

}  // namespace

Result<store::CachedOcr> EncodeOcr(const std::vector<const ocr::PageResult*>& pages, const std::string& regions) {
  store::CachedOcr entry;
  entry.regions = regions;
  for (const ocr::PageResult* page : pages) {
    if (page == nullptr || !page->cleaned) return Status::Internal("page sans image nettoyée : rien à mettre en cache");
    LIASSE_ASSIGN_OR_RETURN(auto png, ocr::EncodePng(*page->cleaned));
    entry.pages.push_back({PageJson(*page).dump(), std::move(png)});
  }
  return entry;
}

Result<std::vector<ocr::PageResult>> DecodeOcr(const store::CachedOcr& entry) {
  std::vector<ocr::PageResult> pages;
  for (std::size_t i = 0; i < entry.pages.size(); ++i) {
    const std::string name = "cache OCR, page " + std::to_string(i + 1);
    ocr::PageResult page;
    try {
      page = PageFrom(json::parse(entry.pages[i].result));
    } catch (const json::exception& e) {
      return Status::Corrupt(name + " : " + e.what());
    }
    const auto& png = entry.pages[i].cleaned_png;
    LIASSE_ASSIGN_OR_RETURN(auto images, ocr::DecodeBytes(std::as_bytes(std::span(png.data(), png.size())), name));
    if (images.size() != 1) return Status::Corrupt(name + " : image nettoyée illisible");
    page.cleaned = std::move(images.front());
    pages.push_back(std::move(page));
  }
  return pages;
}

RegionMemo::Key RegionMemo::KeyOf(int page, const Box& box, extractors::RegionKind kind) {
  return {page, box.x, box.y, box.width, box.height, static_cast<int>(kind)};
}

RegionMemo RegionMemo::Parse(const std::string& regions) {
  RegionMemo memo;
  if (regions.empty()) return memo;
  try {
    for (const auto& r : json::parse(regions)) {
      const Box box{r.at("x").get<int>(), r.at("y").get<int>(), r.at("w").get<int>(), r.at("h").get<int>()};
      memo.Add(r.at("p").get<int>(), box, static_cast<extractors::RegionKind>(r.at("k").get<int>()),
               {r.at("t").get<std::string>(), r.at("c").get<float>()});
    }
  } catch (const json::exception&) {
    return RegionMemo{};  // the engine reads them again
  }
  return memo;
}

std::string RegionMemo::Serialise() const {
  json out = json::array();
  for (const auto& [key, text] : reads_) {
    const auto& [page, x, y, w, h, kind] = key;
    out.push_back({{"p", page}, {"x", x}, {"y", y}, {"w", w}, {"h", h}, {"k", kind}, {"t", text.text}, {"c", text.confidence}});
  }
  return out.dump();
}

const extractors::RegionText* RegionMemo::Find(int page, const Box& box,
                                               extractors::RegionKind kind) const {
  const auto it = reads_.find(KeyOf(page, box, kind));
  return it == reads_.end() ? nullptr : &it->second;
}

void RegionMemo::Add(int page, const Box& box, extractors::RegionKind kind,
                     const extractors::RegionText& text) {
  reads_[KeyOf(page, box, kind)] = text;
}

Result<extractors::RegionText> MemoRegionReader::Reread(int page_index, const Box& box,
                                                        extractors::RegionKind kind) {
  if (const auto* known = memo_.Find(page_index, box, kind)) return *known;
  ++misses_;
  auto read = fallback_.Reread(page_index, box, kind);
  // Only answers are kept: an error (no image) must be retried next time.
  if (read.ok()) memo_.Add(page_index, box, kind, *read);
  return read;
}

}  // namespace liasse::runner
