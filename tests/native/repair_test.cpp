// Repair of hostile links: the result is what the engine accepts, changes as little as it
// can (keys the link gave validly are kept), says so in a note, and re-reads to itself.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "app/model/repair.h"
#include "app/model/url_state.h"

namespace convplay::app {
namespace {

PageState read(const std::string& text, std::vector<std::string>* notes) {
  PageState state;
  conform_tensors(&state.doc);
  apply_query(text, &state, notes);
  return state;
}

// The document part of the canonical hash (the view keys start at `tab=`).
std::string document_keys(const PageState& state) {
  const std::string hash = format_hash(state);
  return hash.substr(0, hash.find("&tab="));
}

struct HostileCase {
  const char* hash;
  const char* repaired;  // document_keys() of the result
};

const HostileCase kHostile[] = {
    // The bad h is raised to the smallest size k=3 fits; the valid k=3 stays.
    {"in=-4x99999999999&k=3", "op=conv2d&in=3x32&cin=1&cout=1&k=3&s=1&p=0&d=1&g=1&mode=zeros"},
    {"in=abc&k=3", "op=conv2d&in=5x5&cin=1&cout=1&k=3&s=1&p=0&d=1&g=1&mode=zeros"},
    {"k=0&s=-1&d=NaN&p=%3Cscript%3E", "op=conv2d&in=5x5&cin=1&cout=1&k=1&s=1&p=0&d=1&g=1&mode=zeros"},
    // Both sizes were given validly: the padding (not given) makes the kernel fit.
    {"op=conv2d&in=3x3&k=9", "op=conv2d&in=3x3&cin=1&cout=1&k=9&s=1&p=3&d=1&g=1&mode=zeros"},
    // reflect needs padding < size: 2 on a 2x2 input becomes 1.
    {"op=conv2d&in=2&p=2&mode=reflect", "op=conv2d&in=2x2&cin=1&cout=1&k=3&s=1&p=1&d=1&g=1&mode=reflect"},
    // Nothing but the kernel can change: the input stays as the link has it.
    {"op=conv2d&in=1&k=3&mode=reflect", "op=conv2d&in=1x1&cin=1&cout=1&k=1&s=1&p=0&d=1&g=1&mode=reflect"},
    {"op=conv2d&s=2&p=same", "op=conv2d&in=5x5&cin=1&cout=1&k=3&s=1&p=same&d=1&g=1&mode=zeros"},
    {"op=conv2d&in=4&k=3&d=9", "op=conv2d&in=4x4&cin=1&cout=1&k=3&s=1&p=0&d=1&g=1&mode=zeros"},
    {"op=conv_transpose2d&in=3&k=3&s=1&op_pad=4",
     "op=conv_transpose2d&in=3x3&cin=1&cout=1&k=3&s=1&p=0&d=1&op_pad=0&g=1"},
    // op_pad=9 is clamped to 4 by its range, then to what stride 2 allows.
    {"op=conv_transpose2d&in=3&s=2&op_pad=9",
     "op=conv_transpose2d&in=3x3&cin=1&cout=1&k=3&s=2&p=0&d=1&op_pad=1&g=1"},
    {"op=conv_transpose2d&in=1&k=1&p=8", "op=conv_transpose2d&in=1x1&cin=1&cout=1&k=1&s=1&p=0&d=1&op_pad=0&g=1"},
    {"op=conv2d&cin=3&cout=4&g=3", "op=conv2d&in=5x5&cin=3&cout=4&k=3&s=1&p=0&d=1&g=1&mode=zeros"},
    {"op=conv2d&cin=4&cout=6&g=4", "op=conv2d&in=5x5&cin=4&cout=6&k=3&s=1&p=0&d=1&g=2&mode=zeros"},
    {"op=pool&mode=nope&g=1e400&cin=1.5", "op=conv2d&in=5x5&cin=2&cout=1&k=3&s=1&p=0&d=1&g=1&mode=zeros"},
    {"&&==&=&in=&k=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
     "op=conv2d&in=5x5&cin=1&cout=1&k=3&s=1&p=0&d=1&g=1&mode=zeros"},
    {"x=1,2,3&w=oops", "op=conv2d&in=5x5&cin=1&cout=1&k=3&s=1&p=0&d=1&g=1&mode=zeros"},
    {"in=2x9&k=5x3&p=same&mode=reflect",
     "op=conv2d&in=2x9&cin=1&cout=1&k=3&s=1&p=same&d=1&g=1&mode=reflect"},
};

TEST(Repair, HostileHashesAreRepairedMinimallyWithANote) {
  for (const HostileCase& c : kHostile) {
    std::vector<std::string> notes;
    const PageState state = read(c.hash, &notes);
    EXPECT_EQ(document_keys(state), c.repaired) << c.hash;
    EXPECT_FALSE(notes.empty()) << c.hash << ": a note says what was repaired";
    EXPECT_TRUE(check_document(state.doc).ok()) << c.hash;
    EXPECT_EQ(state.doc.input.size(), static_cast<size_t>(element_count(input_shape(state.doc))));
  }
}

TEST(Repair, ValidHashesAreLeftAlone) {
  for (const char* hash : {"op=conv2d&in=7x6&cin=2&cout=4&k=3x2&s=2&p=1x0&d=1&g=2&mode=reflect",
                           "op=conv_transpose2d&in=3&k=3&s=2&op_pad=1&p=1",
                           "op=conv2d&in=2&k=5&p=same&mode=circular"}) {
    std::vector<std::string> notes;
    const PageState state = read(hash, &notes);
    EXPECT_TRUE(notes.empty()) << hash << ": " << (notes.empty() ? "" : notes[0]);
    EXPECT_TRUE(check_document(state.doc).ok()) << hash;
  }
}

TEST(Repair, KeepsTheKeysALinkGaveValidly) {
  // in=1x32 was a repair of the link's bad value; k=3 was given: k stays.
  std::vector<std::string> notes;
  const PageState state = read("in=-4x99999999999&k=3", &notes);
  EXPECT_EQ(state.doc.kernel, (IntPair{3, 3}));
  EXPECT_EQ(state.doc.in, (IntPair{3, 32}));
  // setState on a current document: what the call gives wins over what was there.
  PageState current = state;
  notes.clear();
  apply_query("k=9", &current, &notes);
  EXPECT_EQ(current.doc.kernel, (IntPair{9, 9}));
  EXPECT_TRUE(check_document(current.doc).ok());
}

// Random links built from good and bad values: always accepted by the engine afterwards,
// and the canonical hash of the result reads back to the same document without a note.
TEST(Repair, RandomLinksAreAlwaysValidAndStable) {
  const std::vector<std::string> values = {"-3", "0", "1", "2", "3", "5", "9", "40", "2x7", "abc",
                                           "1e9", "NaN", "-0", "same", "valid", "", "3x", "x3"};
  const std::vector<std::string> keys = {"in", "cin", "cout", "k", "s", "p", "d", "op_pad", "g"};
  std::mt19937 random(12345);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string hash = random() % 2 ? "op=conv2d" : "op=conv_transpose2d";
    const char* modes[] = {"zeros", "reflect", "replicate", "circular"};
    hash += std::string("&mode=") + modes[random() % 4];
    for (const std::string& key : keys) {
      if (random() % 3 == 0) continue;
      hash += "&" + key + "=" + values[random() % values.size()];
    }
    std::vector<std::string> notes;
    const PageState state = read(hash, &notes);
    ASSERT_TRUE(check_document(state.doc).ok()) << hash << " -> " << format_hash(state);
    std::vector<std::string> again_notes;
    const PageState again = read(format_hash(state), &again_notes);
    EXPECT_TRUE(again.doc == state.doc) << hash;
    EXPECT_TRUE(again_notes.empty()) << hash << " -> " << format_hash(state) << ": " << again_notes[0];
  }
}

// Arbitrary bytes, biased towards the hash's own characters: never a crash, always a valid
// state that re-reads to itself.
TEST(Repair, RandomBytesNeverBreakTheState) {
  const std::string alphabet = "&=#?%x,[]-.0123456789abcdefkpsdginmoxwtuhlz_ \x01\xff";
  std::mt19937 random(777);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const size_t length = random() % 80;
    for (size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    if (random() % 2) text = "op=conv_transpose2d&" + text;
    std::vector<std::string> notes;
    const PageState state = read(text, &notes);
    ASSERT_TRUE(check_document(state.doc).ok()) << text;
    std::vector<std::string> again_notes;
    const PageState again = read(format_hash(state), &again_notes);
    EXPECT_TRUE(again.doc == state.doc && again.view == state.view) << text;
    EXPECT_TRUE(again_notes.empty()) << text << " -> " << format_hash(state);
  }
}

}  // namespace
}  // namespace convplay::app
