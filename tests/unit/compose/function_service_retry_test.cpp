// Edits meant for whatever version is stored (FunctionService::edit_latest): a race lost to
// another writer is retried on the fresh version; what no longer applies is a one-line conflict.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <thread>

#include "compose/function_service.h"
#include "core/error.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::compose {
namespace {

using testing::TempDir;

/// A real SQLite store that lets a rival writer save, through its own connection, right before
/// each of the next `rival_puts` saves of this one: the race, made to happen when the test says.
class RivalWriterStore final : public store::Store {
 public:
  RivalWriterStore(std::unique_ptr<store::Store> inner, std::function<void()> rival)
      : inner_(std::move(inner)), rival_(std::move(rival)) {}
  int rival_puts = 0;

  void put_function(const store::StoredFunction& f, int base,
                    const store::FunctionHistoryEntry& entry) override {
    if (rival_puts > 0) {
      --rival_puts;
      rival_();
    }
    inner_->put_function(f, base, entry);
  }
  std::vector<store::PutResult> put_documents(const std::vector<model::Document>& d) override {
    return inner_->put_documents(d);
  }
  std::vector<store::FrameworkSummary> list_frameworks() override {
    return inner_->list_frameworks();
  }
  std::vector<store::ProfileSummary> list_profiles() override { return inner_->list_profiles(); }
  std::vector<store::QualificationSummary> list_qualifications() override {
    return inner_->list_qualifications();
  }
  std::optional<model::Framework> find_framework(const std::string& id) override {
    return inner_->find_framework(id);
  }
  std::optional<store::ProfileRecord> find_profile(const std::string& id) override {
    return inner_->find_profile(id);
  }
  std::optional<model::Qualification> find_qualification(const std::string& id) override {
    return inner_->find_qualification(id);
  }
  std::vector<int> qualification_versions(const std::string& code) override {
    return inner_->qualification_versions(code);
  }
  store::StoreStats stats() override { return inner_->stats(); }
  std::vector<store::StatementOccurrence> statement_occurrences() override {
    return inner_->statement_occurrences();
  }
  std::string content_version() override { return inner_->content_version(); }
  std::vector<store::StoredFunction> list_functions(
      const std::optional<std::string>& owner) override {
    return inner_->list_functions(owner);
  }
  std::optional<store::StoredFunction> find_function(const std::string& id,
                                                     std::optional<int> version) override {
    return inner_->find_function(id, version);
  }
  void delete_function(const std::string& id, int base) override {
    inner_->delete_function(id, base);
  }
  std::vector<store::FunctionHistoryEntry> function_history(const std::string& id) override {
    return inner_->function_history(id);
  }
  std::string crosswalk_version() override { return inner_->crosswalk_version(); }
  bool replace_alignments(const std::vector<model::Alignment>& computed, const std::string& cv,
                          const std::string& xv) override {
    return inner_->replace_alignments(computed, cv, xv);
  }
  std::vector<model::Alignment> list_alignments(const store::AlignmentFilter& filter) override {
    return inner_->list_alignments(filter);
  }
  std::optional<model::Alignment> find_alignment(const std::string& s,
                                                 const std::string& t) override {
    return inner_->find_alignment(s, t);
  }
  model::Alignment decide_alignment(const std::string& s, const std::string& t,
                                    model::AlignmentStatus d, const std::string& author,
                                    const std::string& at) override {
    return inner_->decide_alignment(s, t, d, author, at);
  }
  model::Alignment undo_alignment_decision(const std::string& s, const std::string& t) override {
    return inner_->undo_alignment_decision(s, t);
  }
  store::AccountStore& accounts() override { return inner_->accounts(); }
  void in_transaction(const std::function<void()>& body) override { inner_->in_transaction(body); }

 private:
  std::unique_ptr<store::Store> inner_;
  std::function<void()> rival_;
};

class FunctionRetryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rival_store_ = testing::open_test_store(path());
    testing::import_bundled_sources(*rival_store_);
    f_ = FunctionService(*rival_store_).create({"Coördinator", "Vormingplus", "", "", true}, "an");
    store_ = std::make_unique<RivalWriterStore>(testing::open_test_store(path()),
                                                [this] { rival_edit_(); });
  }
  std::string path() const { return dir_.file("r.db"); }
  /// Saves `edit` on whatever is stored, as the rival.
  void rival(Edit edit) {
    rival_edit_ = [this, edit] { FunctionService(*rival_store_).edit_latest(f_.id, {edit}, "bo"); };
  }
  std::string first_item() const { return f_.blocks.at(0).items.at(0).id; }

  TempDir dir_;
  std::unique_ptr<store::Store> rival_store_;
  std::unique_ptr<RivalWriterStore> store_;
  model::FunctionProfile f_;
  std::function<void()> rival_edit_;
};

TEST_F(FunctionRetryTest, ALostRaceIsRetriedOnTheFreshVersion) {
  rival(SetField{FunctionField::title, "Titel van Bo"});
  store_->rival_puts = 1;
  auto out = FunctionService(*store_).edit_latest(
      f_.id, {AddItem{{f_.blocks[0].id}, "Mijn taak", std::nullopt}}, "an");
  ASSERT_TRUE(out.saved);
  EXPECT_EQ(out.current.version, 3);  // Bo's version 2, then this edit on top of it
  EXPECT_EQ(out.current.title, "Titel van Bo");
  EXPECT_EQ(out.current.blocks[0].items.back().wording, "Mijn taak");
  EXPECT_EQ(FunctionService(*store_).get(f_.id).blocks[0].items.back().wording, "Mijn taak");
  auto history = FunctionService(*store_).history(f_.id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].author, "an");
  EXPECT_EQ(history[1].author, "bo");
}

TEST_F(FunctionRetryTest, AnEditThatNoLongerAppliesIsAOneLineConflict) {
  rival(RemoveItem{{first_item()}});
  store_->rival_puts = 1;
  try {
    FunctionService(*store_).edit_latest(f_.id, {Reword{{first_item()}, "Anders"}}, "an");
    FAIL() << "no conflict";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
    EXPECT_EQ(e.message(), "function '" + f_.id +
                               "' changed from version 1 to 2 while this edit was saved, and the "
                               "edit no longer applies: function '" +
                               f_.id + "' has no item '" + first_item() + "'");
    EXPECT_EQ(e.where().field, "edits[0].item");
  }
  EXPECT_EQ(FunctionService(*store_).get(f_.id).version, 2);  // only Bo's edit
}

TEST_F(FunctionRetryTest, AnEditThatNeverAppliedFailsAsItself) {
  try {
    FunctionService(*store_).edit_latest(f_.id, {RemoveItem{{"i999"}}}, "an");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
}

TEST_F(FunctionRetryTest, EveryAttemptLostIsAOneLineConflict) {
  rival(SetField{FunctionField::purpose, "Doel van Bo"});
  store_->rival_puts = 1000;
  try {
    FunctionService(*store_).edit_latest(f_.id, {SetField{FunctionField::title, "Titel"}}, "an",
                                         {3, 0});
    FAIL() << "no conflict";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
    EXPECT_EQ(e.message(), "function '" + f_.id +
                               "' is being changed by others: 3 attempts to save this edit each "
                               "lost to another writer (now version 4)");
  }
  EXPECT_EQ(FunctionService(*store_).get(f_.id).title, "Coördinator");
}

TEST_F(FunctionRetryTest, ARaceLostInsideTheStoreIsReportedAsTheConflict) {
  // edit() on an expected version: the answer starts with the conflict, as the API shows it.
  rival(SetField{FunctionField::purpose, "Doel van Bo"});
  store_->rival_puts = 1;
  auto out =
      FunctionService(*store_).edit(f_.id, 1, {SetField{FunctionField::title, "Titel"}}, "an");
  EXPECT_FALSE(out.saved);
  ASSERT_FALSE(out.summary.empty());
  EXPECT_EQ(out.summary.front(),
            "function '" + f_.id + "' is at version 2, not version 1: someone else changed it");
  ASSERT_TRUE(out.yours);
  EXPECT_EQ(out.yours->title, "Titel");
}

TEST_F(FunctionRetryTest, TwelveThreadsEditingAtOnceAllLand) {
  constexpr int kThreads = 12;
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kThreads);
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([this, t, &errors] {
      try {
        auto own = testing::open_test_store(path());
        FunctionService(*own).edit_latest(
            f_.id, {AddItem{{f_.blocks[0].id}, "Taak " + std::to_string(t), std::nullopt}}, "an");
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(t)] = e.what();
      }
    });
  for (auto& t : threads)
    t.join();
  for (const auto& e : errors)
    EXPECT_EQ(e, "");
  auto after = FunctionService(*rival_store_).get(f_.id);
  EXPECT_EQ(after.version, 1 + kThreads);
  for (int t = 0; t < kThreads; ++t)
    EXPECT_EQ(
        std::count_if(after.blocks[0].items.begin(), after.blocks[0].items.end(),
                      [&](const auto& i) { return i.wording == "Taak " + std::to_string(t); }),
        1);
}

}  // namespace
}  // namespace vakkaart::compose
