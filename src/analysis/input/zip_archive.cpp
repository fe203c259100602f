#include "analysis/input/zip_archive.h"

#include <algorithm>
#include <vector>

#include "core/error.h"

namespace vakkaart::analysis::input_detail {

namespace {

constexpr std::uint64_t kZipChunkBytes = 64 * 1024;

struct ZipEntryClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string zip_megabytes(std::uint64_t bytes) {
  const std::uint64_t mb = bytes / (1024 * 1024);
  return mb > 0 ? std::to_string(mb) + " MB" : std::to_string(bytes) + " bytes";
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, const std::string& file_name, ZipLimits limits)
    : file_name_(file_name), limits_(limits) {
  const Location where{file_name, 0, ""};
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    throw Error(ErrorCode::internal, "cannot read the ZIP archive from memory", where);
  }
  zip_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip_) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(ErrorCode::parse_error, "a damaged ZIP archive: " + why, where);
  }
  zip_error_fini(&error);

  // The directory first: nothing is inflated for an archive that admits to being a bomb.
  const zip_int64_t entries = zip_get_num_entries(zip_.get(), 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits_.max_entries)
    refuse("the ZIP archive has " + std::to_string(entries) + " entries; at most " +
           std::to_string(limits_.max_entries) + " are accepted");
  std::uint64_t total = 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(entries); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
      throw Error(ErrorCode::parse_error, "a damaged ZIP archive: cannot read its directory",
                  where);
    const std::string name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "?";
    if (st.size > limits_.max_total_bytes - total)
      refuse("the ZIP archive unpacks to more than " + zip_megabytes(limits_.max_total_bytes) +
             " (" + name + ": " + zip_megabytes(st.size) + ")");
    total += st.size;
    if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > limits_.ratio_floor_bytes &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_ratio)
      refuse(name + " is compressed " +
             std::to_string(st.size / std::max<zip_uint64_t>(st.comp_size, 1)) + ":1; at most " +
             std::to_string(limits_.max_ratio) + ":1 is accepted (a zip bomb?)");
  }
}

ZipArchive::~ZipArchive() = default;

void ZipArchive::refuse(const std::string& why) const {
  throw Error(ErrorCode::too_large, why, {file_name_, 0, ""});
}

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (index < 0)
    return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st);
  const bool ratio_known = (st.valid & ZIP_STAT_COMP_SIZE) != 0;
  const std::uint64_t compressed = std::max<std::uint64_t>(ratio_known ? st.comp_size : 1, 1);
  std::unique_ptr<zip_file_t, ZipEntryClose> file(
      zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file)
    throw Error(ErrorCode::parse_error, "a damaged ZIP archive: cannot unpack " + name,
                {file_name_, 0, ""});
  // Inflate in chunks, counting what really comes out: the directory's sizes are only claims.
  std::string out;
  std::vector<char> chunk(kZipChunkBytes);
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), chunk.data(), chunk.size());
    if (n < 0)
      throw Error(ErrorCode::parse_error, "a damaged ZIP archive: cannot unpack " + name,
                  {file_name_, 0, ""});
    if (n == 0)
      break;
    inflated_ += static_cast<std::uint64_t>(n);
    if (inflated_ > limits_.max_total_bytes)
      refuse("the ZIP archive unpacks to more than " + zip_megabytes(limits_.max_total_bytes) +
             " (at " + name + ")");
    out.append(chunk.data(), static_cast<std::size_t>(n));
    if (ratio_known && out.size() > limits_.ratio_floor_bytes &&
        out.size() / compressed > limits_.max_ratio)
      refuse(name + " is compressed more than " + std::to_string(limits_.max_ratio) +
             ":1 (a zip bomb?)");
  }
  return out;
}

}  // namespace vakkaart::analysis::input_detail
