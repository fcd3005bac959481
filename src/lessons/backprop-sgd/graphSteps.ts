/** Steps 1–4 of backprop-sgd: the graph, the forward pass, the backward pass, the gradient check. */
import type { StepDef } from '../../core/lessons/types';
import { both, fmt, lessonNumbers, NEURON_SPEC } from './backpropSgdData';
import { epsParam, NEURON_OPS, nodeParam, passParam, TWO_LAYER_OPS, weightParam } from './backpropSgdParams';

const { neuron: n, neuronGrad: grad, twoLayer: t, twoLayerGrad: tGrad } = lessonNumbers();
const g = n.graph;
const [w1, w2] = n.w;
const v = (id: number): string => fmt(g.value(id));
const d = (id: number): string => fmt(grad[id] ?? 0);
const a = g.value(n.a);
const dLda = grad[n.a] ?? 0;
const dadz = a * (1 - a);

const z2 = t.graph.value(t.z1[1] ?? 0);
const dx1 = tGrad[t.x[0] ?? 0] ?? 0;

/** Step 1: the graph and the forward pass, node by node. */
const forward: StepDef = {
  id: 'forward',
  title: { en: 'A computational graph: the forward pass', zh: '计算图：前向传播' },
  widget: 'backprop-forward',
  params: [nodeParam(NEURON_OPS)],
  body: both((l) =>
    l === 'en'
      ? `A neural network is a chain of simple operations. Written as a **computational graph**, each node is one operation (multiply, add, sigmoid, square) and each edge carries a number to the next node.

Here is one neuron deciding whether a patch holds a nodule: two normalised pixel values x₁ = ${fmt(NEURON_SPEC.x[0])} and x₂ = ${fmt(NEURON_SPEC.x[1])}, weights w₁ = ${fmt(NEURON_SPEC.w[0])} and w₂ = ${fmt(NEURON_SPEC.w[1])}, bias b = ${fmt(NEURON_SPEC.b)}. It computes z = w₁x₁ + w₂x₂ + b, the activation a = σ(z), and compares a with the target t = ${NEURON_SPEC.target} using the squared error L = (a − t)².

Press **Step** to compute one node at a time, or **Play**. Each node needs only the values on its incoming edges. At the end, z = ${v(n.z)}, a = ${v(n.a)} and L = ${v(n.loss)}.`
      : `神经网络是一串简单运算的组合。把它画成**计算图**：每个节点是一个运算（乘、加、S 型函数 σ、平方），每条边把一个数值传给下一个节点。

这里是一个判断图块中是否有结节的神经元：两个归一化后的像素值 x₁ = ${fmt(NEURON_SPEC.x[0])}、x₂ = ${fmt(NEURON_SPEC.x[1])}，权重 w₁ = ${fmt(NEURON_SPEC.w[0])}、w₂ = ${fmt(NEURON_SPEC.w[1])}，偏置 b = ${fmt(NEURON_SPEC.b)}。它先计算 z = w₁x₁ + w₂x₂ + b，再计算激活值 a = σ(z)，最后用平方误差 L = (a − t)² 与目标值 t = ${NEURON_SPEC.target} 比较。

按**下一步**每次计算一个节点，或按**自动播放**。每个节点只需要其入边上的数值。算完后 z = ${v(n.z)}，a = ${v(n.a)}，L = ${v(n.loss)}。`,
  ),
  notes: {
    en: 'Walk the graph with the room before showing any formula: each node is something a calculator can do. Ask what the loss would be for a perfect prediction (0) and why squaring makes every error positive. The widget, the URL and the parameter slider all hold the same position, so a link reopens exactly this node.',
    zh: '先带学员逐个节点走一遍，再展示公式：每个节点都是计算器就能完成的运算。可以提问：预测完全正确时损失是多少（0）？为什么平方使所有误差都变成正数？组件、链接和参数滑块保存的是同一个位置，因此分享链接可以准确回到当前节点。',
  },
};

/** Step 2: the backward pass with the chain rule written out. */
const backward: StepDef = {
  id: 'backward',
  title: { en: 'The backward pass: the chain rule, node by node', zh: '反向传播：逐节点应用链式法则' },
  widget: 'backprop-backward',
  params: [nodeParam(NEURON_OPS)],
  body: both((l) =>
    l === 'en'
      ? `To learn, the network needs ∂L/∂w for every weight: how much the loss changes when that weight moves a little. **Backpropagation** gets all of them in one sweep from the loss back to the inputs.

Each node knows only its **local derivative**: for a = σ(z) it is ∂a/∂z = a(1 − a); for a product w₁x₁ it is x₁ with respect to w₁. The **chain rule** multiplies: the gradient arriving at a node times its local derivative is the gradient it passes back. Where a node feeds several others, the incoming contributions add up.

For w₁: ∂L/∂w₁ = ∂L/∂a · ∂a/∂z · ∂z/∂w₁ = ${fmt(dLda)} × ${fmt(dadz)} × ${fmt(NEURON_SPEC.x[0])} = ${d(w1 ?? 0)}. Likewise ∂L/∂w₂ = ${d(w2 ?? 0)} and ∂L/∂b = ${d(n.b)}. A negative gradient means that increasing the weight lowers the loss.`
      : `要学习，网络需要知道每个权重的 ∂L/∂w：权重稍微变化时损失变化多少。**反向传播**从损失出发、向输入方向一次遍历，就能得到全部梯度。

每个节点只需知道自己的**局部导数**：对 a = σ(z)，∂a/∂z = a(1 − a)；对乘积 w₁x₁，它对 w₁ 的导数是 x₁。**链式法则**就是相乘：传到某节点的梯度乘以该节点的局部导数，就是它继续往回传的梯度。若一个节点的输出被多个节点使用，传回来的各份梯度相加。

以 w₁ 为例：∂L/∂w₁ = ∂L/∂a · ∂a/∂z · ∂z/∂w₁ = ${fmt(dLda)} × ${fmt(dadz)} × ${fmt(NEURON_SPEC.x[0])} = ${d(w1 ?? 0)}。同理 ∂L/∂w₂ = ${d(w2 ?? 0)}，∂L/∂b = ${d(n.b)}。梯度为负，说明增大该权重会使损失减小。`,
  ),
  notes: {
    en: 'Pause on the sigmoid node: its local derivative a(1 − a) is at most 0.25, which is why deep stacks of sigmoids learned slowly (vanishing gradients) and ReLU took over. Point out that the backward pass costs about as much as the forward pass, whatever the number of weights.',
    zh: '在 σ 节点处停一下：它的局部导数 a(1 − a) 最大只有 0.25，这正是多层 S 型函数网络学习缓慢（梯度消失）、后来被 ReLU 取代的原因。指出无论有多少权重，反向传播的计算量都与前向传播相当。',
  },
};

/** Step 3: two layers, a switched-off ReLU and a fan-out. */
const twoLayer: StepDef = {
  id: 'two-layer',
  title: { en: 'Two layers: gradients through a hidden layer', zh: '两层网络：梯度穿过隐藏层' },
  widget: 'backprop-two-layer',
  params: [passParam, nodeParam(TWO_LAYER_OPS)],
  body: both((l) =>
    l === 'en'
      ? `The same rules work for any depth. This network has two hidden ReLU units h₁ and h₂ and one sigmoid output ŷ. Run the forward pass, then switch the pass to **Backward**.

Two things to watch:

- **A switched-off ReLU passes nothing back.** Here z₂ = ${fmt(z2)} is negative, so h₂ = 0 and ∂h₂/∂z₂ = 0: every weight that feeds h₂ gets gradient 0 from this example.
- **Gradients add where paths meet.** x₁ feeds both hidden units, so ∂L/∂x₁ is the sum of two contributions (marked +=): ${fmt(dx1)} in total.`
      : `同样的规则适用于任意深度。这个网络有两个 ReLU 隐藏单元 h₁、h₂ 和一个经 S 型函数 σ 得到的输出 ŷ。先运行前向传播，再把传播方向切换为**反向**。

注意两点：

- **关闭的 ReLU 不回传任何梯度。**这里 z₂ = ${fmt(z2)} 为负，所以 h₂ = 0，∂h₂/∂z₂ = 0：这个样本不会给通向 h₂ 的任何权重带来梯度。
- **路径汇合处梯度相加。** x₁ 同时输入两个隐藏单元，所以 ∂L/∂x₁ 是两份贡献之和（标记为 +=），合计 ${fmt(dx1)}。`,
  ),
  notes: {
    en: 'The zero gradient through h₂ is the “dying ReLU” effect: if a unit is negative for every training example it never learns again. In a CNN the same rules run over millions of nodes, but the bookkeeping is identical; frameworks such as TensorFlow.js do exactly this (see the next step, which checks our engine against finite differences).',
    zh: '经过 h₂ 的梯度为零，就是“ReLU 死亡”现象：若某单元对所有训练样本都为负，它将再也学不到东西。CNN 中同样的规则作用在数百万个节点上，但记账方式完全相同；TensorFlow.js 等框架正是这样计算梯度的（下一步用有限差分检验本课的引擎）。',
  },
};

/** Step 4: nudge a weight by ε and compare with the gradient. */
const check: StepDef = {
  id: 'gradient-check',
  title: { en: 'Gradient check: nudge a weight', zh: '梯度检验：微调一个权重' },
  widget: 'gradient-check',
  params: [weightParam, epsParam],
  body: {
    en: `How do we know a backward pass is right? Nudge one weight by a small ε, run the forward pass again, and see how much the loss changes. The **central difference** (L(θ + ε) − L(θ − ε)) / 2ε should equal the gradient from backpropagation.

Choose a weight and the size of the nudge. With ε around 10⁻⁵ the two agree to many digits. Make ε large and the curve is no longer straight over the nudge (truncation error); make it tiny and the two losses agree in almost every digit, so their difference is mostly rounding error. The one-sided forward difference (L(θ + ε) − L(θ)) / ε is less accurate for the same ε.`,
    zh: `怎样确认反向传播算得对？把某个权重微调一个很小的量 ε，重新做一次前向传播，看损失变化了多少。**中心差分** (L(θ + ε) − L(θ − ε)) / 2ε 应当等于反向传播得到的梯度。

选择一个权重和微调量的大小。ε 在 10⁻⁵ 左右时，两者在很多位上一致。ε 太大时，在微调范围内曲线已不再是直线（截断误差）；ε 太小时，两个损失几乎每一位都相同，它们的差主要是舍入误差。同样的 ε 下，单侧的前向差分 (L(θ + ε) − L(θ)) / ε 精度更低。`,
  },
  notes: {
    en: 'Gradient checking is how every deep-learning framework tests its gradient code; this app’s engine is checked the same way, and against TensorFlow.js, in its unit tests. It is far too slow for training (one extra forward pass per weight, per example), which is why backpropagation matters.',
    zh: '所有深度学习框架都用梯度检验来测试梯度代码；本应用的引擎在单元测试中也用同样的方法检验，并与 TensorFlow.js 的结果比对。梯度检验太慢，不能用于训练（每个权重、每个样本都要多做一次前向传播），这正是反向传播的价值所在。',
  },
};

/** The first four steps. */
export const graphSteps: readonly StepDef[] = [forward, backward, twoLayer, check];
