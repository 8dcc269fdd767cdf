#include "io/zip_xml.h"

#include <expat.h>
#include <minizip/unzip.h>

#include <optional>

namespace kc::io {
namespace {

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  auto bar = n.rfind('|');  // "uri|local" from XML_ParserCreateNS
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

struct ParseState {
  ZipArchive::Handlers* h;
  XML_Parser parser;
};

void XMLCALL on_start(void* user, const XML_Char* name, const XML_Char** atts) {
  auto* st = static_cast<ParseState*>(user);
  if (!st->h->start) return;
  ZipArchive::Attributes attrs;
  for (int i = 0; atts[i]; i += 2) attrs.emplace_back(local_name(atts[i]), atts[i + 1]);
  st->h->start(local_name(name), attrs);
  if (st->h->stop) XML_StopParser(st->parser, XML_FALSE);
}

void XMLCALL on_end(void* user, const XML_Char* name) {
  auto* st = static_cast<ParseState*>(user);
  if (st->h->end) st->h->end(local_name(name));
  if (st->h->stop) XML_StopParser(st->parser, XML_FALSE);
}

void XMLCALL on_text(void* user, const XML_Char* s, int len) {
  auto* st = static_cast<ParseState*>(user);
  if (st->h->text) st->h->text(std::string_view(s, static_cast<std::size_t>(len)));
}

}  // namespace

std::string_view attribute(const ZipArchive::Attributes& attrs, std::string_view name) {
  for (auto [k, v] : attrs)
    if (k == name) return v;
  return {};
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const std::string& path, ZipLimits limits) {
  unzFile z = unzOpen64(path.c_str());
  if (!z) return std::unexpected(Error::unsupported(path + ": not an XLSX (zip) file"));
  std::unique_ptr<ZipArchive> a(new ZipArchive());
  a->zip_ = z;
  a->limits_ = limits;
  a->started_ = std::chrono::steady_clock::now();
  unz_global_info64 info{};
  if (unzGetGlobalInfo64(z, &info) != UNZ_OK)
    return std::unexpected(Error::unsupported(path + ": the zip directory cannot be read"));
  if (info.number_entry > limits.max_entries)
    return std::unexpected(Error::too_large(path + ": the archive holds " +
                                            std::to_string(info.number_entry) +
                                            " files; a workbook has far fewer"));
  return a;
}

ZipArchive::~ZipArchive() {
  if (zip_) unzClose(static_cast<unzFile>(zip_));
}

bool ZipArchive::has(const std::string& name) const {
  return unzLocateFile(static_cast<unzFile>(zip_), name.c_str(), 0) == UNZ_OK;
}

Status ZipArchive::parse(const std::string& name, Handlers& h) {
  auto z = static_cast<unzFile>(zip_);
  if (unzLocateFile(z, name.c_str(), 0) != UNZ_OK)
    return std::unexpected(Error::invalid("not an XLSX workbook: " + name + " is missing"));
  if (unzOpenCurrentFile(z) != UNZ_OK)
    return std::unexpected(Error::invalid("the workbook part " + name + " cannot be read"));
  XML_Parser p = XML_ParserCreateNS(nullptr, '|');
  ParseState st{&h, p};
  XML_SetUserData(p, &st);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  std::optional<Error> failure;
  std::vector<char> buf(64 << 10);
  std::size_t inflated = 0;
  for (;;) {
    int n = unzReadCurrentFile(z, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      failure = Error::invalid("the workbook part " + name + " is corrupt");
      break;
    }
    inflated += static_cast<std::size_t>(n);
    if (inflated > limits_.max_inflated) {
      failure = Error::too_large("the workbook part " + name + " inflates to more than " +
                                 std::to_string(limits_.max_inflated >> 20) + " MB");
      break;
    }
    if (std::chrono::steady_clock::now() - started_ > limits_.max_time) {
      failure = Error::too_large("reading the workbook takes longer than " +
                                 std::to_string(limits_.max_time.count()) + " s");
      break;
    }
    if (XML_Parse(p, buf.data(), n, n == 0) == XML_STATUS_ERROR) {
      if (h.stop) {
        failure = *h.stop;
      } else {
        failure = Error::invalid("the workbook part " + name + " is not well-formed XML (line " +
                                 std::to_string(XML_GetCurrentLineNumber(p)) + ": " +
                                 XML_ErrorString(XML_GetErrorCode(p)) + ")");
      }
      break;
    }
    if (n == 0) break;
  }
  XML_ParserFree(p);
  unzCloseCurrentFile(z);
  if (failure) return std::unexpected(*failure);
  return {};
}

}  // namespace kc::io
