// The page's own words in Chinese (the playground's are in src/app/model/text.cpp): its
// title, loading and no-WebGL2 messages. shell.js loads this only when Chinese is shown.
window.convplayPageTextZh = {
  title: 'convplay — Conv2d 与 ConvTranspose2d（转置卷积）实时演示',
  titleEmbed: 'convplay（嵌入）',
  canvas: 'convplay：可交互的卷积演示',
  loading: '正在加载……',
  noWebgl2Title: '这个浏览器无法显示 convplay',
  noWebgl2What: 'convplay 用 <strong>WebGL2</strong> 绘图，而这里的 WebGL2 被关闭或不可用。',
  noWebgl2Try: '请试试最新版的 Firefox、Chrome、Edge 或 Safari，并检查浏览器设置中是否开启了硬件加速。',
  scriptFailed: '无法加载 playground.js。',
  wasmFailed: '无法加载 playground.wasm：',
  contextLost: '图形上下文丢失了。请刷新页面继续。',
  stopped: '程序已停止：',
  cellValue: '格子的数值',
};
