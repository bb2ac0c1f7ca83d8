// The state keys table: each key's reader, writer, repair rule and default, in the order
// they are read (the op decides what the others mean) and written.
#include "app/model/state_keys.h"

#include "app/model/key_values.h"
#include "app/model/presets.h"
#include "engine/params.h"

namespace convplay::app {

namespace {

using Notes = std::vector<std::string>;

bool parse_op(const std::string& text, Op* out) {
  if (text != "conv2d" && text != "conv_transpose2d") return false;
  *out = text == "conv2d" ? Op::kConv2d : Op::kConvTranspose2d;
  return true;
}
const char* op_key(Op op) { return op == Op::kConv2d ? "conv2d" : "conv_transpose2d"; }
bool parse_mode(const std::string& text, PaddingMode* out) { return parse_padding_mode(text, out).ok(); }
bool parse_preset_key(const std::string& text, Preset* out) { return parse_preset(text.c_str(), out); }

// A new preset replaces edited values (the hash's x= / w= come after it).
KeyRead read_preset(const char* key, const std::string& value, Preset* preset, bool* edited,
                    Notes* notes) {
  const KeyRead read = read_choice(key, value, parse_preset_key, preset_key, preset, notes);
  if (read == KeyRead::kAccepted) *edited = false;
  return read;
}

bool is_lesson_id(const std::string& text) {
  if (text.empty() || text.size() > 40) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::string format_padding(PageStateRef s) {
  if (!is_transposed(s.doc) && s.doc.padding_kind == PaddingKind::kSame) return "same";
  if (!is_transposed(s.doc) && s.doc.padding_kind == PaddingKind::kValid) return "valid";
  return format_pair(s.doc.padding);
}

KeyRead read_padding(const std::string& value, PageState* s, Notes* notes) {
  if (value == "same" || value == "valid") {
    s->doc.padding_kind = value == "same" ? PaddingKind::kSame : PaddingKind::kValid;
    return KeyRead::kAccepted;
  }
  double numbers[2];
  if (!parse_pair_numbers(value, numbers)) return bad_value("p", value, format_padding(*s), notes);
  s->doc.padding_kind = PaddingKind::kExplicit;
  return read_pair("p", value, kPaddingRange, &s->doc.padding, notes);
}

std::string format_panels(PageStateRef s) {
  std::string out;
  for (int i = 0; i < kPanelCount; ++i) {
    if (!s.view.panels.shown[i]) continue;
    if (!out.empty()) out += ',';
    out += panel_key(static_cast<PanelId>(i));
  }
  return out;
}

KeyRead read_panels(const std::string& value, PageState* s, Notes* notes) {
  PanelSet panels;
  for (bool& shown : panels.shown) shown = false;
  bool any = false, all_known = true;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    PanelId id;
    if (parse_panel_key(value.substr(start, end - start), &id)) {
      panels.shown[static_cast<int>(id)] = any = true;
    } else {
      all_known = false;
    }
    start = end + 1;
  }
  if (!any) panels = embed_default_panels();
  s->view.panels = panels;
  if (all_known) return KeyRead::kAccepted;
  return bad_value("panels", value, format_panels(*s), notes);
}

bool always(PageStateRef) { return true; }
bool never(PageStateRef) { return false; }
bool conv2d_only(PageStateRef s) { return !is_transposed(s.doc); }
bool in_lesson(PageStateRef s) { return !s.view.lesson.empty(); }

constexpr int kNoField = -1;
constexpr int field(AxisField f) { return static_cast<int>(f); }

std::vector<StateKey> make_table() {
  using S = PageStateRef;
  using P = PageState*;
  return {
      // The document (CONTRACT.md §4), read in this order: the op decides what the others mean.
      {"op", nullptr, KeyScope::kDocument, "conv2d",
       [](const std::string& v, P s, Notes* n) { return read_choice("op", v, parse_op, op_key, &s->doc.op, n); },
       [](S s) { return std::string(op_key(s.doc.op)); }, always, nullptr, kNoField},
      {"in", nullptr, KeyScope::kDocument, "5x5",
       [](const std::string& v, P s, Notes* n) { return read_pair("in", v, kInputSizeRange, &s->doc.in, n); },
       [](S s) { return std::to_string(s.doc.in.h) + "x" + std::to_string(s.doc.in.w); }, always,
       nullptr, field(AxisField::kInput)},
      {"cin", nullptr, KeyScope::kDocument, "1",
       [](const std::string& v, P s, Notes* n) { return read_int("cin", v, kChannelRange, &s->doc.in_channels, n); },
       [](S s) { return std::to_string(s.doc.in_channels); }, always, nullptr, kNoField},
      {"cout", nullptr, KeyScope::kDocument, "1",
       [](const std::string& v, P s, Notes* n) { return read_int("cout", v, kChannelRange, &s->doc.out_channels, n); },
       [](S s) { return std::to_string(s.doc.out_channels); }, always, nullptr, kNoField},
      {"k", nullptr, KeyScope::kDocument, "3",
       [](const std::string& v, P s, Notes* n) { return read_pair("k", v, kKernelRange, &s->doc.kernel, n); },
       [](S s) { return format_pair(s.doc.kernel); }, always, nullptr, field(AxisField::kKernel)},
      {"s", nullptr, KeyScope::kDocument, "1",
       [](const std::string& v, P s, Notes* n) { return read_pair("s", v, kStrideRange, &s->doc.stride, n); },
       [](S s) { return format_pair(s.doc.stride); }, always, nullptr, field(AxisField::kStride)},
      {"p", nullptr, KeyScope::kDocument, "0", read_padding, format_padding, always, nullptr,
       field(AxisField::kPadding)},
      {"d", nullptr, KeyScope::kDocument, "1",
       [](const std::string& v, P s, Notes* n) { return read_pair("d", v, kDilationRange, &s->doc.dilation, n); },
       [](S s) { return format_pair(s.doc.dilation); }, always, nullptr, field(AxisField::kDilation)},
      {"op_pad", nullptr, KeyScope::kDocument, "0",
       [](const std::string& v, P s, Notes* n) {
         return read_pair("op_pad", v, kOutputPaddingRange, &s->doc.output_padding, n);
       },
       [](S s) { return format_pair(s.doc.output_padding); }, [](S s) { return is_transposed(s.doc); },
       nullptr, field(AxisField::kOutputPadding)},
      {"g", nullptr, KeyScope::kDocument, "1",
       [](const std::string& v, P s, Notes* n) { return read_int("g", v, kGroupsRange, &s->doc.groups, n); },
       [](S s) { return std::to_string(s.doc.groups); }, always, nullptr, kNoField},
      {"mode", nullptr, KeyScope::kDocument, "zeros",
       [](const std::string& v, P s, Notes* n) {
         return read_choice("mode", v, parse_mode, padding_mode_name, &s->doc.mode, n);
       },
       [](S s) { return std::string(padding_mode_name(s.doc.mode)); }, conv2d_only, nullptr, kNoField},
      {"bias", nullptr, KeyScope::kDocument, "0",
       [](const std::string& v, P s, Notes* n) {
         if (v != "1" && v != "true" && v != "0" && v != "false") {
           return bad_value("bias", v, s->doc.use_bias ? "1" : "0", n);
         }
         s->doc.use_bias = v == "1" || v == "true";
         return KeyRead::kAccepted;
       },
       [](S s) { return std::string(s.doc.use_bias ? "1" : "0"); }, [](S s) { return s.doc.use_bias; },
       [](S s) { return std::string(s.doc.use_bias ? "true" : "false"); }, kNoField},
      {"xp", nullptr, KeyScope::kDocument, "random",
       [](const std::string& v, P s, Notes* n) {
         return read_preset("xp", v, &s->doc.input_preset, &s->doc.input_edited, n);
       },
       [](S s) { return std::string(preset_key(s.doc.input_preset)); },
       [](S s) { return s.doc.input_preset != Preset::kRandom; }, nullptr, kNoField},
      {"wp", nullptr, KeyScope::kDocument, "random",
       [](const std::string& v, P s, Notes* n) {
         return read_preset("wp", v, &s->doc.weight_preset, &s->doc.weight_edited, n);
       },
       [](S s) { return std::string(preset_key(s.doc.weight_preset)); },
       [](S s) { return s.doc.weight_preset != Preset::kRandom; }, nullptr, kNoField},
      // Edited values, once the tensors have their (repaired) shapes. %.6g keeps links short.
      {"x", "input", KeyScope::kTensor, "the preset",
       [](const std::string& v, P s, Notes* n) {
         return read_values("x", v, &s->doc.input, &s->doc.input_edited, n);
       },
       [](S s) { return format_values(s.doc.input, 6); }, [](S s) { return s.doc.input_edited; },
       [](S s) { return json_numbers(s.doc.input); }, kNoField},
      {"w", "weight", KeyScope::kTensor, "the preset",
       [](const std::string& v, P s, Notes* n) {
         return read_values("w", v, &s->doc.weight, &s->doc.weight_edited, n);
       },
       [](S s) { return format_values(s.doc.weight, 6); }, [](S s) { return s.doc.weight_edited; },
       [](S s) { return json_numbers(s.doc.weight); }, kNoField},
      {"b", "biasValues", KeyScope::kTensor, "the preset",
       [](const std::string& v, P s, Notes* n) {
         return read_values("b", v, &s->doc.bias, &s->doc.bias_edited, n);
       },
       [](S s) { return format_values(s.doc.bias, 6); },
       [](S s) { return s.doc.use_bias && s.doc.bias_edited; },
       [](S s) { return s.doc.use_bias ? json_numbers(s.doc.bias) : std::string("null"); }, kNoField},

      // The view: always written (a copied link opens what was on screen), the rest when set.
      {"tab", nullptr, KeyScope::kView, "compute",
       [](const std::string& v, P s, Notes* n) { return read_choice("tab", v, parse_panel_key, panel_key, &s->view.tab, n); },
       [](S s) { return std::string(panel_key(s.view.tab)); }, always, nullptr, kNoField},
      {"anim", nullptr, KeyScope::kView, "off",
       [](const std::string& v, P s, Notes* n) {
         if (parse_anim_key(v, &s->view.anim)) return KeyRead::kAccepted;
         s->view.anim = AnimMode::kOff;  // an animation nobody asked for is the worse repair
         return bad_value("anim", v, "off", n);
       },
       [](S s) { return std::string(anim_key(s.view.anim)); }, always, nullptr, kNoField},
      {"speed", nullptr, KeyScope::kView, "3",
       [](const std::string& v, P s, Notes* n) {
         // Output positions per second: a link's pace (benchmarks use 60: every frame steps).
         double number = 0;
         const bool ok = parse_number(v, &number) && number >= 0.5 && number <= 120.0;
         if (!ok && parse_number(v, &number)) s->view.speed = number < 0.5 ? 0.5f : 120.0f;
         if (!ok) return bad_value("speed", v, format_number(s->view.speed, 4), n);
         s->view.speed = static_cast<float>(number);
         return KeyRead::kAccepted;
       },
       [](S s) { return format_number(static_cast<double>(s.view.speed), 4); }, always, nullptr, kNoField},
      {"lang", nullptr, KeyScope::kView, "the browser's",
       [](const std::string& v, P s, Notes* n) {
         const KeyRead read = read_choice("lang", v, parse_lang_key, lang_key, &s->view.lang, n);
         if (read == KeyRead::kAccepted) s->view.lang_chosen = true;
         return read;
       },
       [](S s) { return std::string(lang_key(s.view.lang)); }, [](S s) { return s.view.lang_chosen; },
       nullptr, kNoField},
      {"lesson", nullptr, KeyScope::kView, "none",
       [](const std::string& v, P s, Notes* n) {
         if (v.empty() || is_lesson_id(v)) {
           s->view.lesson = v;
           return KeyRead::kAccepted;
         }
         s->view.lesson.clear();
         return bad_value("lesson", v, "none", n);
       },
       [](S s) { return s.view.lesson; }, in_lesson,
       [](S s) { return s.view.lesson.empty() ? std::string("null") : "\"" + s.view.lesson + "\""; },
       kNoField},
      {"step", nullptr, KeyScope::kView, "1",
       [](const std::string& v, P s, Notes* n) { return read_int("step", v, Range{1, 999}, &s->view.step, n); },
       [](S s) { return std::to_string(s.view.step); }, in_lesson, nullptr, kNoField},
      {"theme", nullptr, KeyScope::kView, "dark",
       [](const std::string& v, P s, Notes* n) { return read_choice("theme", v, parse_theme_key, theme_key, &s->view.theme, n); },
       [](S s) { return std::string(theme_key(s.view.theme)); },
       [](S s) { return s.view.theme != Theme::kDark; }, nullptr, kNoField},
      {"ui", nullptr, KeyScope::kView, "full",
       [](const std::string& v, P s, Notes* n) { return read_choice("ui", v, parse_ui_mode_key, ui_mode_key, &s->view.ui, n); },
       [](S s) { return std::string(ui_mode_key(s.view.ui)); },
       [](S s) { return s.view.ui != UiMode::kFull; }, nullptr, kNoField},

      // The page's query (sokol_args style): embed.html?embed=1&panels=compute,shapes.
      {"embed", nullptr, KeyScope::kEmbed, "0",
       [](const std::string& v, P s, Notes*) {
         s->view.embed = v == "1" || v == "true";
         if (s->view.embed) s->view.panels = embed_default_panels();  // until panels= says
         return KeyRead::kAccepted;
       },
       [](S s) { return std::string(s.view.embed ? "1" : "0"); }, never, nullptr, kNoField},
      {"panels", nullptr, KeyScope::kEmbed, "compute,scatter", read_panels, format_panels,
       never, nullptr, kNoField},
  };
}

}  // namespace

const std::vector<StateKey>& state_keys() {
  static const std::vector<StateKey> table = make_table();
  return table;
}

const StateKey* find_state_key(const std::string& name) {
  for (const StateKey& key : state_keys()) {
    if (name == key.name || (key.alias != nullptr && name == key.alias)) return &key;
  }
  return nullptr;
}

}  // namespace convplay::app
