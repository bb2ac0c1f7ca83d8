// One row per engine error code (src/engine/status.h): the rule PyTorch enforces, in Chinese.
#include "app/model/error_explain.h"

namespace convplay::app {

namespace {

struct RuleRow {
  ErrorCode code;
  const char* zh;
};

constexpr RuleRow kRules[] = {
    {ErrorCode::kBadInputRank, "输入必须是 3 维 (C, H, W) 或 4 维 (N, C, H, W) 张量。"},
    {ErrorCode::kBadWeightRank, "权重（卷积核）必须是 4 维张量。"},
    {ErrorCode::kEmptyWeight, "转置卷积的权重 [C_in, C_out/groups, kH, kW] 不能没有输出通道（第二维不能是 0）。"},
    {ErrorCode::kBadTupleLength, "stride、padding、dilation 等参数要么是一个整数，要么是 (高, 宽) 两个数。"},
    {ErrorCode::kNonPositiveGroups, "groups 必须是正整数。"},
    {ErrorCode::kNegativePadding, "padding 不能是负数。"},
    {ErrorCode::kNegativeOutputPadding, "output_padding 不能是负数。"},
    {ErrorCode::kNonPositiveStride, "步幅 stride 必须是正整数。"},
    {ErrorCode::kNonPositiveDilation, "膨胀（空洞）卷积的 dilation 必须是正整数。"},
    {ErrorCode::kNonPositiveKernel, "卷积核尺寸 kernel_size 必须是正整数。"},
    {ErrorCode::kWeightGroupsMismatch, "分组卷积：通道数必须能被 groups 整除，每组的卷积核数相同。"},
    {ErrorCode::kChannelMismatch, "输入的通道数必须等于卷积核期望的通道数（in_channels，分组时为 groups × 每组通道数）。"},
    {ErrorCode::kBiasMismatch, "偏置 bias 的长度必须等于输出通道数 out_channels。"},
    {ErrorCode::kKernelTooLarge, "填充后的输入不能比（膨胀后的）卷积核小，否则卷积核放不下。"},
    {ErrorCode::kOutputTooSmall, "按公式算出的输出尺寸必须至少为 1：padding 太大会把输出裁没。"},
    {ErrorCode::kOutputPaddingTooLarge, "output_padding 必须小于 stride 或 dilation：它只用来在几个可能的尺寸中选一个，不是额外补零。"},
    {ErrorCode::kBadOutputSize, "output_size 必须落在该步幅能得到的尺寸范围内（相差小于 stride）。"},
    {ErrorCode::kBadPaddingString, "padding 字符串只能是 'same' 或 'valid'。"},
    {ErrorCode::kSameWithStride, "padding='same' 要求步幅为 1：步幅大于 1 时输出不可能与输入同样大。"},
    {ErrorCode::kBadPaddingMode, "padding_mode 只能是 'zeros'、'reflect'、'replicate' 或 'circular'。"},
    {ErrorCode::kPaddingModeNotSupported, "转置卷积（ConvTranspose2d）只支持 padding_mode='zeros'。"},
    {ErrorCode::kPaddingTooLargeForMode, "reflect 填充必须小于输入尺寸，circular 填充不能超过输入尺寸：要有足够的像素可以镜像或循环。"},
    {ErrorCode::kBadArgument, "参数类型或数据长度不对。"},
    {ErrorCode::kTooLarge, "超出了 convplay 的尺寸上限（为了在浏览器里保持流畅）。"},
};

}  // namespace

const char* error_rule(ErrorCode code, Lang lang) {
  if (lang != Lang::kZh) return nullptr;
  for (const RuleRow& row : kRules) {
    if (row.code == code) return row.zh;
  }
  return nullptr;
}

std::vector<const char*> error_rules(Lang lang) {
  std::vector<const char*> rules;
  if (lang != Lang::kZh) return rules;
  for (const RuleRow& row : kRules) rules.push_back(row.zh);
  return rules;
}

}  // namespace convplay::app
