#include "server/transport/connection_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "server/transport/connection_stream.h"
#include "server/transport/peer_slots.h"
#include "server/transport/transport_errors.h"

namespace vakkaart::server::transport {

namespace {

// How much the poller reads at a time; a head is examined after each read.
constexpr std::size_t kHeadChunk = 16 * 1024;
// After a refusal, what the client still sends is read and dropped for this long (or this
// much), so that a client writing its whole body before it reads gets the refusal instead of
// a reset. The poller does it; no worker waits.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::uint64_t kLingerBytes = std::uint64_t{64} * 1024 * 1024;
// How often deadlines are checked.
constexpr auto kSweepInterval = std::chrono::milliseconds(200);
// The epoll tag of the poller's wake-up descriptor (connection ids start at 1).
constexpr std::uint64_t kWakeTag = 0;

// The library's accept loop hands each accepted socket to its task queue; this one runs the
// task at once, on the accept thread: registering a connection takes microseconds.
class RunAtOnce : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

std::pair<std::string, int> address_text(const sockaddr_storage& a) {
  char text[INET6_ADDRSTRLEN] = {};
  if (a.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(a);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    return {text, ntohs(v4.sin_port)};
  }
  if (a.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(a);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    return {text, ntohs(v6.sin6_port)};
  }
  return {"", 0};
}

void arm(int epoll_fd, const Connection& c, int op) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLONESHOT;
  ev.data.u64 = c.id;
  ::epoll_ctl(epoll_fd, op, c.fd, &ev);
}

}  // namespace

struct ConnectionServer::State {
  explicit State(TransportSettings s)
      : settings(s), slots(s.max_connections, s.max_connections_per_address) {}

  TransportSettings settings;
  std::mutex mutex;
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> connections;
  PeerSlots slots;
  std::uint64_t next_id = 1;
  int epoll_fd = -1;
  int wake_fd = -1;
  std::deque<Connection*> ready;
  std::condition_variable ready_changed;
  std::atomic<bool> stopping{false};
  bool started = false;
  std::thread poller;
  std::vector<std::thread> workers;
};

ConnectionServer::ConnectionServer(TransportSettings settings)
    : state_(std::make_unique<State>(settings)) {
  new_task_queue = [] { return new RunAtOnce(); };
  // Only what the library writes in its Keep-Alive header; the limits are enforced here.
  set_keep_alive_timeout((settings.keep_alive_timeout_ms + 999) / 1000);
  set_keep_alive_max_count(settings.keep_alive_max_requests);
  set_payload_max_length(settings.head.max_body_bytes);
}

ConnectionServer::~ConnectionServer() {
  stop_transport();
}

const TransportSettings& ConnectionServer::settings() const {
  return state_->settings;
}

void ConnectionServer::start_transport() {
  auto& st = *state_;
  if (st.started)
    return;
  st.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  st.wake_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeTag;
  ::epoll_ctl(st.epoll_fd, EPOLL_CTL_ADD, st.wake_fd, &ev);
  st.started = true;
  st.poller = std::thread([this] { poll_loop(); });
  for (int i = 0; i < std::max(1, st.settings.workers); ++i)
    st.workers.emplace_back([this] { work_loop(); });
}

void ConnectionServer::stop_transport() {
  auto& st = *state_;
  if (!st.started)
    return;
  st.stopping = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(st.wake_fd, &one, sizeof one);
  st.poller.join();
  {
    // Workers waiting on a client return at once; a handler still running finishes.
    std::lock_guard lock(st.mutex);
    for (auto& entry : st.connections)
      ::shutdown(entry.second->fd, SHUT_RDWR);
  }
  st.ready_changed.notify_all();
  for (auto& w : st.workers)
    w.join();
  st.workers.clear();
  std::lock_guard lock(st.mutex);
  for (auto& entry : st.connections)
    ::close(entry.second->fd);
  st.connections.clear();
  st.ready.clear();
  ::close(st.epoll_fd);
  ::close(st.wake_fd);
  st.started = false;
}

bool ConnectionServer::process_and_close_socket(socket_t sock) {
  auto& st = *state_;
  sockaddr_storage peer{}, local{};
  socklen_t peer_len = sizeof peer, local_len = sizeof local;
  ::getpeername(sock, reinterpret_cast<sockaddr*>(&peer), &peer_len);
  ::getsockname(sock, reinterpret_cast<sockaddr*>(&local), &local_len);
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
  const int on = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);

  auto c = std::make_unique<Connection>();
  c->fd = sock;
  c->peer = peer_key(peer);
  std::tie(c->remote_ip, c->remote_port) = address_text(peer);
  std::tie(c->local_ip, c->local_port) = address_text(local);
  c->deadline = Clock::now() + std::chrono::milliseconds(st.settings.read_timeout_ms);

  std::unique_lock lock(st.mutex);
  const bool capped = st.settings.cap_this_machine || !is_this_machine(peer);
  const auto taken = st.stopping ? PeerSlots::Take::server_full : st.slots.take(c->peer, capped);
  if (taken != PeerSlots::Take::ok) {
    lock.unlock();
    // Refused before anything is read: the client has usually sent only its head, which
    // fits in the socket buffers, so it reads this answer before the close.
    const bool address = taken == PeerSlots::Take::address_full;
    send_now(sock, refusal_bytes({}, address ? 429 : 503,
                                 address ? "too many connections from your address"
                                         : "the server has too many connections",
                                 "Retry-After: 1\r\n"));
    ::close(sock);
    return true;
  }
  c->id = st.next_id++;
  Connection& ref = *c;
  st.connections.emplace(c->id, std::move(c));
  arm(st.epoll_fd, ref, EPOLL_CTL_ADD);
  return true;
}

void ConnectionServer::poll_loop() {
  auto& st = *state_;
  std::vector<epoll_event> events(256);
  auto next_sweep = Clock::now() + kSweepInterval;
  while (!st.stopping.load()) {
    const auto wait =
        std::chrono::duration_cast<std::chrono::milliseconds>(next_sweep - Clock::now());
    const int n = ::epoll_wait(st.epoll_fd, events.data(), static_cast<int>(events.size()),
                               static_cast<int>(std::max<long long>(0, wait.count())));
    for (int i = 0; i < n; ++i) {
      // A copy: epoll_event is packed, so its member cannot be bound to a reference.
      const std::uint64_t id = events[i].data.u64;
      if (id == kWakeTag)
        continue;
      Connection* c = nullptr;
      {
        std::lock_guard lock(st.mutex);
        auto it = st.connections.find(id);
        if (it != st.connections.end() && it->second->phase != Connection::Phase::busy)
          c = it->second.get();
      }
      // Only this thread touches a connection that is not busy, so it is used unlocked.
      if (c)
        on_readable(*c);
    }
    if (Clock::now() >= next_sweep) {
      sweep();
      next_sweep = Clock::now() + kSweepInterval;
    }
  }
}

void ConnectionServer::on_readable(Connection& c) {
  auto& st = *state_;
  if (c.phase == Connection::Phase::lingering) {
    for (;;) {
      const long n = c.receive(kHeadChunk);
      c.in.clear();
      c.pos = 0;
      if (n == -1)
        break;
      c.lingered += static_cast<std::uint64_t>(std::max(0L, n));
      if (n <= 0 || c.lingered > kLingerBytes) {
        close_connection(c);
        return;
      }
    }
    arm(st.epoll_fd, c, EPOLL_CTL_MOD);
    return;
  }
  const HeadLimits& limits = st.settings.head;
  Head head;
  for (;;) {
    const long n = c.receive(kHeadChunk);
    if (n == -1)
      break;
    if (n <= 0) {  // the client closed (or failed) between or within heads
      close_connection(c);
      return;
    }
    if (c.awaiting_first_byte) {
      c.awaiting_first_byte = false;
      c.deadline = Clock::now() + std::chrono::milliseconds(st.settings.read_timeout_ms);
    }
    head = examine_head(c.unread(), limits);
    if (head.state != Head::State::incomplete)
      break;
  }
  if (head.state == Head::State::refused) {
    refuse(c, refusal_bytes(head, head.status, head.reason));
    return;
  }
  if (head.state == Head::State::incomplete) {
    arm(st.epoll_fd, c, EPOLL_CTL_MOD);
    return;
  }
  c.head = std::move(head);
  {
    std::lock_guard lock(st.mutex);
    c.phase = Connection::Phase::busy;
    st.ready.push_back(&c);
  }
  st.ready_changed.notify_one();
}

void ConnectionServer::sweep() {
  auto& st = *state_;
  const auto now = Clock::now();
  std::vector<Connection*> expired;
  {
    std::lock_guard lock(st.mutex);
    for (auto& entry : st.connections)
      if (entry.second->phase != Connection::Phase::busy && entry.second->deadline <= now)
        expired.push_back(entry.second.get());
  }
  // An idle connection past its keep-alive time, a head that did not arrive within the read
  // timeout, the end of a linger: closed without a word, as a client expects of an idle
  // connection (a slow head gets no answer either: it is not a request yet).
  for (Connection* c : expired)
    close_connection(*c);
}

void ConnectionServer::work_loop() {
  auto& st = *state_;
  for (;;) {
    Connection* c = nullptr;
    {
      std::unique_lock lock(st.mutex);
      st.ready_changed.wait(lock, [&st] { return st.stopping.load() || !st.ready.empty(); });
      if (st.ready.empty())
        return;
      c = st.ready.front();
      st.ready.pop_front();
    }
    serve(*c);
  }
}

// Runs the requests whose heads are buffered, one after another, then gives the connection
// back to the poller (or closes it).
void ConnectionServer::serve(Connection& c) {
  auto& st = *state_;
  for (;;) {
    const bool last = ++c.served >= st.settings.keep_alive_max_requests || st.stopping.load();
    ConnectionStream stream(c, st.settings, st.stopping);
    bool closed_by_client = false;
    bool written = false;
    try {
      written = process_request(stream, last, closed_by_client, nullptr);
    } catch (...) {
      // The library catches what handlers throw; what escapes it (out of memory while
      // answering) ends this connection, not the server.
      written = false;
    }
    if (stream.refusal() != 0) {
      refuse(c, refusal_bytes(c.head, stream.refusal(), stream.refusal_reason()));
      return;
    }
    // A request whose head or body the library left unread (it answered before reading
    // it) leaves the connection in the middle of that request: close it.
    if (!written || closed_by_client || last || stream.failed() || !stream.consumed()) {
      close_connection(c);
      return;
    }
    Head next = examine_head(c.unread(), st.settings.head);
    if (next.state == Head::State::refused) {
      refuse(c, refusal_bytes(next, next.status, next.reason));
      return;
    }
    if (next.state == Head::State::incomplete) {
      to_poller(c, c.unread().empty());
      return;
    }
    c.head = std::move(next);  // pipelined: the next head is already here
  }
}

void ConnectionServer::to_poller(Connection& c, bool idle) {
  auto& st = *state_;
  {
    std::lock_guard lock(st.mutex);
    c.phase = Connection::Phase::waiting;
    c.awaiting_first_byte = idle;
    c.deadline = Clock::now() + std::chrono::milliseconds(idle ? st.settings.keep_alive_timeout_ms
                                                               : st.settings.read_timeout_ms);
  }
  arm(st.epoll_fd, c, EPOLL_CTL_MOD);
}

void ConnectionServer::refuse(Connection& c, const std::string& bytes) {
  auto& st = *state_;
  send_now(c.fd, bytes);
  ::shutdown(c.fd, SHUT_WR);
  {
    std::lock_guard lock(st.mutex);
    c.phase = Connection::Phase::lingering;
    c.deadline = Clock::now() + kLingerTime;
    c.in.clear();
    c.pos = 0;
  }
  arm(st.epoll_fd, c, EPOLL_CTL_MOD);
}

void ConnectionServer::close_connection(Connection& c) {
  auto& st = *state_;
  std::lock_guard lock(st.mutex);
  ::epoll_ctl(st.epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
  ::close(c.fd);
  st.slots.give_back(c.peer);
  st.connections.erase(c.id);
}

}  // namespace vakkaart::server::transport
