// The connection layer's pure parts: what a request head may hold (431, 414, 413, 415, 501),
// how a body is metered (a chunked body stops at the limit), and how connections are counted
// per client.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "server/transport/body_meter.h"
#include "server/transport/peer_slots.h"
#include "server/transport/request_head.h"

namespace vakkaart::server::transport {
namespace {

HeadLimits small_limits() {
  HeadLimits l;
  l.max_request_line = 64;
  l.max_header_count = 4;
  l.max_header_bytes = 200;
  l.max_body_bytes = 1000;
  return l;
}

TEST(RequestHead, IsCompleteAtTheBlankLineAndReadsTheFraming) {
  const std::string head =
      "POST /api/x?a=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n"
      "Accept: text/html\r\n\r\nhello";
  const Head h = examine_head(head, small_limits());
  ASSERT_EQ(h.state, Head::State::complete);
  EXPECT_EQ(h.length, head.size() - 5);
  EXPECT_EQ(h.framing, Framing::length);
  EXPECT_EQ(h.content_length, 5u);
  EXPECT_EQ(h.method, "POST");
  EXPECT_EQ(h.target, "/api/x?a=1");
  EXPECT_EQ(h.accept, " text/html");
}

TEST(RequestHead, WaitsForTheRestOfAPartialHead) {
  EXPECT_EQ(examine_head("GET / HT", small_limits()).state, Head::State::incomplete);
  EXPECT_EQ(examine_head("GET / HTTP/1.1\r\nHost: h\r\n", small_limits()).state,
            Head::State::incomplete);
  // A bare LF ends lines too (the library then answers the malformed request itself).
  EXPECT_EQ(examine_head("GET / HTTP/1.1\nHost: h\n\n", small_limits()).state,
            Head::State::complete);
}

TEST(RequestHead, RefusesTooManyOrTooLargeHeadersBeforeTheHeadEnds) {
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 5; ++i)
    many += "X-" + std::to_string(i) + ": y\r\n";
  const Head count = examine_head(many, small_limits());  // no blank line yet
  EXPECT_EQ(count.state, Head::State::refused);
  EXPECT_EQ(count.status, 431);
  EXPECT_EQ(count.method, "GET");

  const Head big = examine_head("GET / HTTP/1.1\r\nX: " + std::string(300, 'a'), small_limits());
  EXPECT_EQ(big.state, Head::State::refused);
  EXPECT_EQ(big.status, 431);

  // Exactly at the limit is fine.
  const std::string line = "X: " + std::string(200 - 5, 'a') + "\r\n";
  ASSERT_EQ(line.size(), 200u);
  EXPECT_EQ(examine_head("GET / HTTP/1.1\r\n" + line + "\r\n", small_limits()).state,
            Head::State::complete);
  EXPECT_EQ(examine_head("GET / HTTP/1.1\r\nY" + line + "\r\n", small_limits()).status, 431);
}

TEST(RequestHead, RefusesALongRequestLineWith414) {
  const Head h = examine_head("GET /" + std::string(100, 'a'), small_limits());
  EXPECT_EQ(h.state, Head::State::refused);
  EXPECT_EQ(h.status, 414);
  const Head ended =
      examine_head("GET /" + std::string(100, 'a') + " HTTP/1.1\r\n\r\n", small_limits());
  EXPECT_EQ(ended.status, 414);
}

TEST(RequestHead, RefusesBodiesItCannotBoundOrReadOneWay) {
  const auto status = [](const std::string& headers) {
    const Head h = examine_head("POST / HTTP/1.1\r\n" + headers + "\r\n", small_limits());
    return h.state == Head::State::refused ? h.status : 0;
  };
  EXPECT_EQ(status("Content-Length: 1001\r\n"), 413);
  EXPECT_EQ(status("Content-Length: 99999999999999999999999\r\n"), 413);
  EXPECT_EQ(status("Content-Length: 1000\r\n"), 0);
  EXPECT_EQ(status("Content-Length: -1\r\n"), 400);
  EXPECT_EQ(status("Content-Length: 1 2\r\n"), 400);
  EXPECT_EQ(status("Content-Length: 5\r\nContent-Length: 6\r\n"), 400);
  EXPECT_EQ(status("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"), 400);
  EXPECT_EQ(status("Transfer-Encoding: gzip, chunked\r\n"), 501);
  EXPECT_EQ(status("Transfer-Encoding: Chunked\r\n"), 0);
  EXPECT_EQ(status("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"), 415);
  EXPECT_EQ(status("Content-Length: 3\r\nContent-Encoding: identity\r\n"), 0);
  EXPECT_EQ(status("Content-Encoding: gzip\r\n"), 0);  // no body to inflate
  EXPECT_EQ(status("X-Folded: a\r\n b\r\n"), 400);
}

TEST(BodyMeter, FollowsAContentLength) {
  BodyMeter m(Framing::length, 10, 1000);
  EXPECT_EQ(m.allowance(), 10u);
  EXPECT_EQ(m.feed("12345", 5), BodyMeter::Verdict::ok);
  EXPECT_EQ(m.allowance(), 5u);
  EXPECT_FALSE(m.complete());
  EXPECT_EQ(m.feed("12345", 5), BodyMeter::Verdict::ok);
  EXPECT_TRUE(m.complete());
  EXPECT_EQ(m.allowance(), 0u);

  BodyMeter none(Framing::none, 0, 1000);
  EXPECT_EQ(none.allowance(), 0u);
  EXPECT_TRUE(none.complete());
}

TEST(BodyMeter, DecodesChunkFramingAndCountsOnlyTheData) {
  BodyMeter m(Framing::chunked, 0, 1000);
  const std::string body = "5;name=value\r\nhello\r\nA\r\n0123456789\r\n0\r\n\r\n";
  // Byte by byte and all at once end the same.
  for (char c : body.substr(0, 20))
    ASSERT_EQ(m.feed(&c, 1), BodyMeter::Verdict::ok);
  ASSERT_EQ(m.feed(body.data() + 20, body.size() - 20), BodyMeter::Verdict::ok);
  EXPECT_TRUE(m.complete());
  EXPECT_EQ(m.data_bytes(), 15u);
  EXPECT_EQ(m.allowance(), 0u);
}

TEST(BodyMeter, StopsAChunkedBodyAtTheLimitBeforeItsDataArrives) {
  BodyMeter one_chunk(Framing::chunked, 0, 1000);
  EXPECT_EQ(one_chunk.feed("3e9\r\n", 5), BodyMeter::Verdict::too_large);  // 1001 bytes

  BodyMeter many(Framing::chunked, 0, 1000);
  const std::string chunk = "64\r\n" + std::string(100, 'x') + "\r\n";  // 100 bytes each
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(many.feed(chunk.data(), chunk.size()), BodyMeter::Verdict::ok) << i;
  EXPECT_EQ(many.feed("1\r\n", 3), BodyMeter::Verdict::too_large);

  BodyMeter huge(Framing::chunked, 0, 1000);
  EXPECT_EQ(huge.feed("ffffffffffffffffffff\r\n", 22), BodyMeter::Verdict::too_large);
}

TEST(BodyMeter, RefusesMalformedChunks) {
  for (const std::string& body : std::vector<std::string>{
           "\r\n", "zz\r\n", "5\r\nhelloXY", "0\r\nTrailer: x\r\n\r\n", std::string(2000, '0')}) {
    BodyMeter m(Framing::chunked, 0, 1000);
    EXPECT_EQ(m.feed(body.data(), body.size()), BodyMeter::Verdict::malformed) << body;
  }
}

sockaddr_storage address(int family, const char* text) {
  sockaddr_storage a{};
  a.ss_family = static_cast<sa_family_t>(family);
  if (family == AF_INET)
    inet_pton(AF_INET, text, &reinterpret_cast<sockaddr_in&>(a).sin_addr);
  else
    inet_pton(AF_INET6, text, &reinterpret_cast<sockaddr_in6&>(a).sin6_addr);
  return a;
}

TEST(PeerSlots, CountsIpv4ByAddressAndIpv6ByItsSlash64) {
  EXPECT_EQ(peer_key(address(AF_INET, "192.0.2.7")), "192.0.2.7");
  EXPECT_EQ(peer_key(address(AF_INET6, "::ffff:192.0.2.7")), "192.0.2.7");
  EXPECT_EQ(peer_key(address(AF_INET6, "2001:db8:0:1::5")), "2001:db8:0:1::/64");
  EXPECT_EQ(peer_key(address(AF_INET6, "2001:db8:0:1:ffff::9")), "2001:db8:0:1::/64");
}

TEST(PeerSlots, CapsEachAddressAndAllTogether) {
  PeerSlots slots(5, 2);
  EXPECT_EQ(slots.take("a"), PeerSlots::Take::ok);
  EXPECT_EQ(slots.take("a"), PeerSlots::Take::ok);
  EXPECT_EQ(slots.take("a"), PeerSlots::Take::address_full);
  EXPECT_EQ(slots.take("b"), PeerSlots::Take::ok);
  EXPECT_EQ(slots.take("c"), PeerSlots::Take::ok);
  EXPECT_EQ(slots.take("c"), PeerSlots::Take::ok);
  EXPECT_EQ(slots.take("d"), PeerSlots::Take::server_full);
  slots.give_back("a");
  EXPECT_EQ(slots.held_by("a"), 1u);
  EXPECT_EQ(slots.take("d"), PeerSlots::Take::ok);
  EXPECT_EQ(slots.total(), 5u);
  EXPECT_EQ(slots.held_by("nobody"), 0u);
}

TEST(PeerSlots, ThisMachineIsHeldOnlyToTheTotal) {
  EXPECT_TRUE(is_this_machine(address(AF_INET, "127.0.0.1")));
  EXPECT_TRUE(is_this_machine(address(AF_INET6, "::1")));
  EXPECT_TRUE(is_this_machine(address(AF_INET6, "::ffff:127.0.0.1")));
  EXPECT_FALSE(is_this_machine(address(AF_INET, "127.0.0.2")));
  EXPECT_FALSE(is_this_machine(address(AF_INET, "192.0.2.7")));
  EXPECT_FALSE(is_this_machine(address(AF_INET6, "2001:db8::1")));
  PeerSlots slots(4, 2);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(slots.take("127.0.0.1", false), PeerSlots::Take::ok);
  EXPECT_EQ(slots.take("127.0.0.1", false), PeerSlots::Take::server_full);
}

}  // namespace
}  // namespace vakkaart::server::transport
