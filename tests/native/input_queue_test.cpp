// The input queue hands ImGui one frame at a time: events faster than a frame are not
// lost, and a press waits until the pointer has been seen where it presses.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "app/model/input_queue.h"

namespace convplay::app {
namespace {

constexpr int kKeyZ = 90;
constexpr int kLeftControl = 341;

TEST(InputQueue, KeyDownAndUpWithinOneFrameAreSeenInTwo) {
  InputQueue queue;
  queue.key(kLeftControl, true);
  queue.key(kKeyZ, true);
  queue.key(kKeyZ, false);
  queue.key(kLeftControl, false);
  const InputFrame first = queue.next_frame();
  EXPECT_TRUE(first.keys[kKeyZ]);
  EXPECT_TRUE(first.ctrl);
  const InputFrame second = queue.next_frame();
  EXPECT_FALSE(second.keys[kKeyZ]);
  EXPECT_FALSE(second.ctrl);
  EXPECT_FALSE(queue.pending());
}

// A tap (the finger lands and presses at once) is hovered before it presses; a flick
// (the last move and the lift arrive together) is seen held at its end before it lifts.
TEST(InputQueue, ButtonChangeAfterAMoveWaitsForTheNextFrame) {
  InputQueue queue;
  queue.mouse_pos(10, 20);
  queue.mouse_button(0, true);
  queue.mouse_pos(10, 120);
  queue.mouse_button(0, false);
  const std::vector<std::pair<float, bool>> frames = {{20, false}, {20, true}, {120, true},
                                                      {120, false}};
  for (const auto& [y, held] : frames) {
    const InputFrame frame = queue.next_frame();
    EXPECT_FLOAT_EQ(frame.mouse_y, y);
    EXPECT_EQ(frame.buttons[0], held) << "at y " << y;
  }
  EXPECT_FALSE(queue.pending());
}

TEST(InputQueue, AClickShorterThanAFrameStillHolds) {
  InputQueue queue;
  queue.mouse_button(0, true);
  queue.mouse_button(0, false);
  EXPECT_TRUE(queue.next_frame().buttons[0]);
  EXPECT_FALSE(queue.next_frame().buttons[0]);
}

TEST(InputQueue, MovesAfterAPressWaitSoTheReleaseStaysWherePressed) {
  InputQueue queue;
  queue.mouse_pos(1, 1);
  const InputFrame before = queue.next_frame();
  EXPECT_FLOAT_EQ(before.mouse_x, 1);
  queue.mouse_button(0, true);
  queue.mouse_pos(50, 1);
  const InputFrame pressed = queue.next_frame();
  EXPECT_TRUE(pressed.buttons[0]);
  EXPECT_FLOAT_EQ(pressed.mouse_x, 1);
  EXPECT_FLOAT_EQ(queue.next_frame().mouse_x, 50);
}

TEST(InputQueue, APointerThatLeftPointsAtNothingUntilItMoves) {
  InputQueue queue;
  queue.mouse_pos(5, 5);
  queue.mouse_button(0, true);
  queue.mouse_button(0, false);
  queue.pointer_left();
  EXPECT_TRUE(queue.next_frame().mouse_valid);  // hovering
  EXPECT_TRUE(queue.next_frame().buttons[0]);   // the press, where the pointer was
  const InputFrame release = queue.next_frame();
  EXPECT_FALSE(release.buttons[0]);
  EXPECT_TRUE(release.mouse_valid);             // the release there too
  EXPECT_FALSE(queue.next_frame().mouse_valid);
  queue.mouse_pos(6, 6);
  EXPECT_TRUE(queue.next_frame().mouse_valid);
}

TEST(InputQueue, MovesWithinAFrameCollapseToTheLast) {
  InputQueue queue;
  for (int x = 0; x <= 30; ++x) queue.mouse_pos(static_cast<float>(x), 0);
  EXPECT_FLOAT_EQ(queue.next_frame().mouse_x, 30);
  EXPECT_FALSE(queue.pending());
}

TEST(InputQueue, TypedCharactersArriveInOrderAndOnce) {
  InputQueue queue;
  for (unsigned int c : {'2', '.', '5'}) queue.character(c);
  const InputFrame frame = queue.next_frame();
  EXPECT_EQ(frame.characters, (std::vector<unsigned int>{'2', '.', '5'}));
  EXPECT_TRUE(queue.next_frame().characters.empty());
}

TEST(InputQueue, IgnoresCodesOutsideItsTables) {
  InputQueue queue;
  queue.key(-1, true);
  queue.key(512, true);
  queue.mouse_button(7, true);
  EXPECT_FALSE(queue.pending());
}

TEST(InputQueue, ReportsActivityOnce) {
  InputQueue queue;
  EXPECT_TRUE(queue.take_activity());  // the first frame is always drawn
  EXPECT_FALSE(queue.take_activity());
  queue.mouse_pos(3, 4);
  EXPECT_TRUE(queue.take_activity());
  EXPECT_FALSE(queue.take_activity());
}

}  // namespace
}  // namespace convplay::app
