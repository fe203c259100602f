#pragma once

#include <string>
#include <string_view>

namespace vakkaart {

/// A name-based UUID (RFC 4122 version 5, SHA-1) in lowercase text form. The same namespace and
/// name always give the same UUID, which is what makes a CASE re-export identical.
std::string uuid_v5(std::string_view namespace_uuid, std::string_view name);

/// The namespace of every UUID vakkaart derives: uuid_v5(URL namespace, "urn:vakkaart").
const std::string& vakkaart_uuid_namespace();

/// True for the text form 8-4-4-4-12 of hexadecimal digits (either case), the CASE pattern.
bool is_uuid(std::string_view text);

}  // namespace vakkaart
