/**
 * Texts of the translation-invariance experiment (step 3 of activation-pooling), in both languages.
 * The findings are templates: which one is shown, and every number in it, comes from the measured
 * curves (shiftFindings.ts); none of them states a number of its own.
 */
import type { Localized } from '../../core/lessons/types';

export const shiftTexts = {
  plotTitle: {
    en: 'Distance of the representation from the unshifted one, against the shift',
    zh: '表示与未平移时的距离随平移量的变化',
  },
  plotDesc: {
    en: 'One line per representation: ‖r(x_s) − r(x_0)‖ / ‖r(x_0)‖ at the same grid positions, for shifts 0 to K pixels. 0 means the representation did not change.',
    zh: '每条线对应一种表示：在相同网格位置上计算 ‖r(x_s) − r(x_0)‖ / ‖r(x_0)‖，平移量从 0 到 K 像素。0 表示表示没有变化。',
  },
  realignedName: {
    en: 'conv + ReLU + max-pool, moved back by whole cells',
    zh: '卷积 + ReLU + 最大池化，按整格移回后',
  },
  xAxis: { en: 'shift s, pixels', zh: '平移量 s（像素）' },
  yAxis: { en: 'relative distance', zh: '相对距离' },
  legend: { en: 'Representations', zh: '各种表示' },
  colShift: { en: 'shift s', zh: '平移量 s' },
  tableCaption: {
    en: 'Relative distance ‖r(x_s) − r(x_0)‖ / ‖r(x_0)‖ for each shift',
    zh: '各平移量下的相对距离 ‖r(x_s) − r(x_0)‖ / ‖r(x_0)‖',
  },
  shapes: {
    en: 'Sizes: conv {conv}, conv + pool {pool}, two stages {two}, global {global} (height × width × channels).',
    zh: '尺寸：卷积 {conv}，卷积 + 池化 {pool}，两级 {two}，全局 {global}（高 × 宽 × 通道）。',
  },
  crop0: { en: 'Crop x_0 (no shift)', zh: '裁剪块 x_0（未平移）' },
  cropS: { en: 'Crop x_s, content moved {s} px', zh: '裁剪块 x_s，内容移动了 {s} px' },
  pooled0: { en: 'Max-pooled map of x_0', zh: 'x_0 的最大池化图' },
  pooledS: { en: 'Max-pooled map of x_s', zh: 'x_s 的最大池化图' },
  cropLabel: {
    en: '{what}: {n}×{n} pixels, grey levels as the network sees them',
    zh: '{what}：{n}×{n} 像素，灰度即网络看到的输入',
  },
  pooledLabel: {
    en: '{what}: sum over the {c} channels, {h}×{w} cells, viridis from {lo} to {hi}',
    zh: '{what}：{c} 个通道之和，{h}×{w} 个格子，由深紫到黄的色标，从 {lo} 到 {hi}',
  },
  tooSmall: {
    en: 'The slice is {w}×{h} pixels, but a {n}-pixel crop shifted by up to {k} pixels needs {needW}×{needH}: choose a smaller crop or shift, the circular setting, or another slice.',
    zh: '切片为 {w}×{h} 像素，而 {n} 像素的裁剪块平移最多 {k} 像素需要 {needW}×{needH} 像素：请选择更小的裁剪块或平移量、改用循环平移，或换一张切片。',
  },
  findingsTitle: { en: 'What these numbers show', zh: '这些数字说明了什么' },
  flat: {
    en: 'The unshifted crop x_0 gives no response: every filter is 0 after ReLU (the crop is uniform, such as air or background), so r(x_0) is all zeros and the relative distance has no scale: it can only be 0 (nothing entered) or ∞ (something entered). Move the crop onto structures with edges, such as the nodule.',
    zh: '未平移的裁剪块 x_0 没有任何响应：每个滤波器经过 ReLU 后都为 0（裁剪块是均匀的，例如空气或背景），因此 r(x_0) 全为零，相对距离没有尺度：它只能是 0（没有内容移入）或 ∞（有内容移入）。请把裁剪块移到有边缘的结构上，例如结节。',
  },
  zeroReference: {
    en: 'For {names}, r(x_0) is all zeros here: its relative distance has no scale (it can only be 0 or ∞), so it is left out of the comparisons below.',
    zh: '这里{names}的 r(x_0) 全为零：其相对距离没有尺度（只能是 0 或 ∞），因此下面的比较不包括它。',
  },
  and: { en: ' and ', zh: '和' },
  listSep: { en: '; ', zh: '；' },
  convStill: {
    en: 'At a 1-pixel shift conv + ReLU does not change at all (d = 0): the filtered content looks the same moved this way, so there is nothing for pooling to absorb.',
    zh: '平移 1 像素时，卷积 + ReLU 完全没有变化（d = 0）：滤波后的内容沿这个方向移动后看起来一样，因此池化没有可以吸收的变化。',
  },
  below: {
    en: 'At a 1-pixel shift the distance after conv alone is {d}. The other distances, as a percentage of it: {list}.',
    zh: '平移 1 像素时，只做卷积的距离为 {d}。以它为基准，其他表示的距离为：{list}。',
  },
  ratioItem: { en: '{name} {pct}%', zh: '{name}为 {pct}%' },
  belowHelps: {
    en: 'For every shift smaller than the pool size (1 to {last} px), pooling lowers the distance: to between {lo}% and {hi}% of conv alone.',
    zh: '对每个小于池化大小的平移量（1 到 {last} px），池化都降低了距离：降到只做卷积时的 {lo}% 到 {hi}% 之间。',
  },
  belowHelpsOne: {
    en: 'The only shift smaller than the pool size is 1 px: there pooling lowers the distance, to {lo}% of conv alone.',
    zh: '小于池化大小的平移量只有 1 px：在这里池化降低了距离，降到只做卷积时的 {lo}%。',
  },
  belowNotOne: {
    en: 'The only shift smaller than the pool size is 1 px: there pooling does not lower the distance ({lo}% of conv alone).',
    zh: '小于池化大小的平移量只有 1 px：在这里池化没有降低距离（为只做卷积时的 {lo}%）。',
  },
  belowNever: {
    en: 'Here pooling lowers the distance at none of the shifts smaller than the pool size (1 to {last} px): it is between {lo}% and {hi}% of conv alone.',
    zh: '在这里，对小于池化大小的平移量（1 到 {last} px），池化一次也没有降低距离：为只做卷积时的 {lo}% 到 {hi}%。',
  },
  belowMixed: {
    en: 'Pooling lowers the distance at {helped} of the {last} shifts smaller than the pool size, not at all of them (between {lo}% and {hi}% of conv alone).',
    zh: '在 {last} 个小于池化大小的平移量中，池化只在 {helped} 个上降低了距离，并非全部（为只做卷积时的 {lo}% 到 {hi}%）。',
  },
  exactShift: {
    en: 'At a shift of exactly P = {p} px the pooled map of x_s is the pooled map of x_0 moved by one cell along the shift: the largest difference over the {n} values that overlap is {diff}. That is a shift of the pooled grid, not invariance: compared at the same positions the distance is {d}.',
    zh: '平移恰好 P = {p} px 时，x_s 的池化图就是 x_0 的池化图沿平移方向移动了一格：在重叠的 {n} 个数值上最大差值为 {diff}。这是池化网格的平移，而不是不变性：在相同位置比较，距离为 {d}。',
  },
  notExactShift: {
    en: 'At a shift of P = {p} px the pooled map is not an exact one-cell shift here (largest difference {diff} over {n} values); compared at the same positions the distance is {d}.',
    zh: '在这里，平移 P = {p} px 时池化图并不是恰好移动一格（在 {n} 个数值上最大差值为 {diff}）；在相同位置比较，距离为 {d}。',
  },
  samePooled: {
    en: 'At a shift of exactly P = {p} px the pooled map does not change at all here (d = {d}): the filtered content looks the same after a shift by P.',
    zh: '在这里，平移恰好 P = {p} px 时池化图完全没有变化（d = {d}）：滤波后的内容平移 P 之后看起来一样。',
  },
  noExactShift: {
    en: 'Raise K to at least P = {p} to see a shift by a whole pool cell.',
    zh: '把 K 调到至少 P = {p}，就能看到恰好平移一个池化格的情形。',
  },
  aliasing: {
    en: 'Moved back by whole cells, the pooled map matches exactly at shifts {zeros} px (the multiples of P), and its distance is still up to {max} at the other shifts: the difference comes back whenever the shift is not a multiple of the pool size. Subsampling with stride P only respects shifts by multiples of P; the rest is aliasing (Azulay & Weiss 2019; Zhang 2019, who blur before subsampling to reduce it).',
    zh: '按整格移回后，池化图在平移 {zeros} px（P 的倍数）时完全吻合，在其他平移量上距离仍可达 {max}：只要平移量不是池化大小的倍数，差异就会回来。步长为 P 的下采样只能保持 P 的整数倍平移；其余的差异就是混叠（2019 年研究深度卷积网络为何对微小平移泛化不佳的论文；同年另一篇论文提出在下采样前先模糊以减轻混叠）。',
  },
  aliasingMixed: {
    en: 'Moved back by whole cells, the pooled map matches exactly at shifts {zeros} px, and its distance is up to {max} at the others.',
    zh: '按整格移回后，池化图在平移 {zeros} px 时完全吻合，在其他平移量上距离最多为 {max}。',
  },
  realignedAllZero: {
    en: 'Moved back by whole cells, the pooled map matches exactly at every shift here ({zeros} px).',
    zh: '在这里，按整格移回后，池化图在每个平移量上都完全吻合（{zeros} px）。',
  },
  none: { en: 'none', zh: '无' },
  global: {
    en: 'Over shifts 1 to K the largest distance after global average pooling is {max}; after conv alone it is {convMax}.',
    zh: '在平移量 1 到 K 上，全局平均池化之后的最大距离为 {max}；只做卷积时为 {convMax}。',
  },
  mostInvariant: {
    en: 'Averaged over shifts 1 to K, the most invariant representation here is {name} (mean distance {mean}); the least invariant is {worst} ({worstMean}).',
    zh: '对平移量 1 到 K 取平均，这里最具平移不变性的表示是{name}（平均距离 {mean}）；最不具不变性的是{worst}（{worstMean}）。',
  },
  allEqual: {
    en: 'Averaged over shifts 1 to K, every representation compared here has the same mean distance, {mean}.',
    zh: '对平移量 1 到 K 取平均，这里比较的每种表示的平均距离都相同，为 {mean}。',
  },
  cropMode: {
    en: 'The content moves while the crop’s grid stays put; the pixels that enter are real image content from a larger crop, so no artificial edge appears.',
    zh: '内容移动而裁剪网格保持不动；移入的像素来自更大裁剪区域中的真实图像，因此不会出现人为的边缘。',
  },
  circularMode: {
    en: 'Circular shift: what leaves the crop on one side enters on the other, and the convolutions wrap around too.',
    zh: '循环平移：从裁剪块一侧移出的内容从另一侧移入，卷积也同样循环处理边界。',
  },
} satisfies Record<string, Localized>;
