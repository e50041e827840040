"""Strings for the Linear regression page and playground.regression (prefix "linreg.")."""

STRINGS = {
    "linreg.title": ("Linear regression", "선형 회귀"),
    "linreg.intro": (
        "The simplest model that learns from data: a straight line **ŷ = w·x + b** that predicts an exam score from "
        "hours of study. Find **w** and **b** by hand, then watch **gradient descent** find them by walking downhill "
        "on the loss surface, and compare with the answer that least squares gives directly.",
        "데이터로부터 학습하는 가장 단순한 모델은 공부 시간으로 시험 점수를 예측하는 직선 **ŷ = w·x + b**입니다. "
        "먼저 **w**와 **b**를 직접 찾아보고, **경사 하강법**이 손실 곡면을 따라 내려가며 같은 값을 찾는 모습을 본 다음, "
        "최소 제곱법으로 바로 구한 답과 비교해 봅니다.",
    ),
    # ---- data
    "linreg.data.header": ("The data", "데이터"),
    "linreg.data.source": ("Data set", "데이터 세트"),
    "linreg.data.hours": ("Study hours → score", "공부 시간 → 점수"),
    "linreg.data.hours_sleep": ("Study + sleep hours → score", "공부 시간 + 수면 시간 → 점수"),
    "linreg.data.generated": ("Generated noisy line", "잡음이 섞인 생성 데이터"),
    "linreg.data.hours_about": (
        "Four students from the lecture notes: hours studied and exam score. The line **y = 10·x + 0** passes "
        "through every point, so the best possible mean squared error is 0. Edit the table to see how the best "
        "line moves: change a score, or add a student in the empty row at the bottom.",
        "강의 노트에 나오는 학생 네 명의 공부 시간과 시험 점수입니다. 직선 **y = 10·x + 0**이 모든 점을 지나므로 "
        "가능한 가장 작은 평균 제곱 오차는 0입니다. 표를 고쳐서 가장 좋은 직선이 어떻게 움직이는지 확인해 보세요. "
        "점수를 바꾸거나 맨 아래 빈 행에 학생을 추가하면 됩니다.",
    ),
    "linreg.data.hours_sleep_about": (
        "The same students with a second feature, hours of sleep. Now the model is a plane, "
        "**ŷ = w₁·x₁ + w₂·x₂ + b**, with one weight per feature. Here sleep turns out not to matter: "
        "w₁ = 10, w₂ = 0, b = 0 fits every student exactly.",
        "같은 학생들에게 두 번째 특성인 수면 시간을 더했습니다. 이제 모델은 특성마다 가중치가 하나씩 있는 평면 "
        "**ŷ = w₁·x₁ + w₂·x₂ + b**입니다. 이 데이터에서는 수면 시간이 점수에 영향을 주지 않습니다. "
        "w₁ = 10, w₂ = 0, b = 0이 모든 학생에게 정확히 맞습니다.",
    ),
    "linreg.data.edited_about": (
        "**Your edited table: {n} rows.** No single line or plane passes through every row now; the best one is "
        "**{line}**, with a mean squared error of {mse}. Every section below works on your rows; "
        "*Restore the notes' data* brings the original back.",
        "**고친 표: {n}개 행.** 이제 모든 행을 지나는 직선(평면)은 없고, 가장 좋은 것은 **{line}**이며 평균 제곱 "
        "오차는 {mse}입니다. 아래 모든 부분이 고친 표로 계산합니다. *강의 노트 데이터로 되돌리기*를 누르면 원래 표로 "
        "돌아갑니다.",
    ),
    "linreg.data.edited_exact": (
        "**Your edited table: {n} rows.** The line (or plane) **{line}** still passes through every row, so the best "
        "mean squared error is 0. Every section below works on your rows; *Restore the notes' data* brings the "
        "original back.",
        "**고친 표: {n}개 행.** 직선(평면) **{line}**이 여전히 모든 행을 지나므로 가장 작은 평균 제곱 오차는 0입니다. "
        "아래 모든 부분이 고친 표로 계산합니다. *강의 노트 데이터로 되돌리기*를 누르면 원래 표로 돌아갑니다.",
    ),
    "linreg.data.generated_about": (
        "Points scattered around a line you choose. With noise, no line passes through every point: the best "
        "mean squared error is above 0, and the fitted slope and intercept differ a little from the ones that "
        "generated the data. More points bring them closer.",
        "직접 정한 직선 주변에 흩어진 점들입니다. 잡음이 있으면 모든 점을 지나는 직선은 없습니다. 가장 작은 평균 제곱 "
        "오차도 0보다 크고, 찾은 기울기와 절편은 데이터를 만든 값과 조금 다릅니다. 점이 많을수록 두 값이 가까워집니다.",
    ),
    "linreg.data.editor_help": (
        "Click a cell to change it; type in the last row to add a student; select a row and press Delete to remove it.",
        "셀을 클릭해 값을 바꾸고, 마지막 행에 입력하면 학생이 추가됩니다. 행을 선택하고 Delete 키를 누르면 삭제됩니다.",
    ),
    "linreg.data.restore": ("Restore the notes' data", "강의 노트 데이터로 되돌리기"),
    "linreg.data.kept": (
        "Until the table is fixed, the page keeps using the last table that worked.",
        "표를 고칠 때까지 마지막으로 올바르던 표를 계속 사용합니다.",
    ),
    "linreg.col.hours": ("study hours", "공부 시간"),
    "linreg.col.sleep": ("sleep hours", "수면 시간"),
    "linreg.col.score": ("score", "점수"),
    "linreg.gen.slope": ("True slope", "실제 기울기"),
    "linreg.gen.intercept": ("True intercept", "실제 절편"),
    "linreg.gen.noise": ("Noise (standard deviation)", "잡음 (표준편차)"),
    "linreg.gen.noise_help": (
        "How far, on average, the points scatter above and below the true line.",
        "점들이 실제 직선의 위아래로 평균적으로 얼마나 흩어지는지 정합니다.",
    ),
    "linreg.gen.n": ("Number of points", "점의 개수"),
    "linreg.gen.seed": ("Random seed", "난수 시드"),
    "linreg.gen.seed_help": (
        "The same seed always gives the same points; change it for a new sample.",
        "시드가 같으면 항상 같은 점이 만들어집니다. 다른 표본을 보려면 시드를 바꾸세요.",
    ),
    "linreg.gen.caption": (
        "x is drawn uniformly between 0 and 10, and y = slope·x + intercept + noise.",
        "x는 0과 10 사이에서 고르게 뽑고, y = 기울기·x + 절편 + 잡음으로 만듭니다.",
    ),
    # ---- errors in the table and settings (raised by playground.regression)
    "linreg.error.empty": (
        "Row {row}: the '{column}' cell is empty. Fill it in or delete the row.",
        "{row}행: '{column}' 칸이 비어 있습니다. 값을 채우거나 행을 삭제하세요.",
    ),
    "linreg.error.missing": (
        "Row {row}: the '{column}' cell is empty or not a number. Type a number or delete the row.",
        "{row}행: '{column}' 칸이 비어 있거나 숫자가 아닙니다. 숫자를 입력하거나 행을 삭제하세요.",
    ),
    "linreg.error.not_number": (
        "Row {row}: '{value}' in '{column}' is not a number.",
        "{row}행: '{column}' 칸의 '{value}'은(는) 숫자가 아닙니다.",
    ),
    "linreg.error.too_large": (
        "Row {row}: the '{column}' value is too large; use numbers between -{most} and {most}.",
        "{row}행: '{column}' 값이 너무 큽니다. -{most}에서 {most} 사이의 숫자를 쓰세요.",
    ),
    "linreg.error.too_few": (
        "The fit needs at least {need} complete rows, and the table has {have}.",
        "모델을 맞추려면 완전한 행이 적어도 {need}개 필요한데, 지금 표에는 {have}개뿐입니다.",
    ),
    "linreg.error.constant": (
        "Every '{column}' value is the same, so the data cannot tell which slope is right. Make at least one different.",
        "'{column}' 값이 모두 같아서 어떤 기울기가 맞는지 데이터로 정할 수 없습니다. 적어도 하나는 다른 값으로 바꾸세요.",
    ),
    "linreg.error.dependent": (
        "The columns {columns} move together in lockstep (one is a fixed combination of the other), so many "
        "planes fit equally well. Change a value so they differ.",
        "{columns} 열이 항상 같은 비율로 함께 움직여서(한 열이 다른 열로 정확히 계산됨) 똑같이 잘 맞는 평면이 "
        "무수히 많습니다. 값 하나를 바꿔서 두 열이 다르게 움직이도록 하세요.",
    ),
    "linreg.error.lr": (
        "The learning rate must be a positive number (got {lr}).",
        "학습률은 양수여야 합니다(입력값: {lr}).",
    ),
    "linreg.error.steps": (
        "The number of steps must be a whole number from 0 to {most} (got {steps}).",
        "단계 수는 0부터 {most} 사이의 정수여야 합니다(입력값: {steps}).",
    ),
    "linreg.error.noise": (
        "The noise cannot be negative (got {noise}).",
        "잡음은 음수일 수 없습니다(입력값: {noise}).",
    ),
    # ---- by hand
    "linreg.hand.header": ("Fit a line by hand", "직접 직선 맞추기"),
    "linreg.hand.explain": (
        "Move **w** (the slope, the weight) and **b** (the bias, where the line crosses x = 0). Each red segment is "
        "a **residual**: how far the prediction ŷ is from the real score y. The **mean squared error** (MSE) "
        "squares the residuals and averages them: it is the loss function that learning makes small.",
        "**w**(기울기, 가중치)와 **b**(편향, x = 0에서 직선의 높이)를 움직여 보세요. 빨간 선분 하나하나가 "
        "**잔차**, 즉 예측값 ŷ가 실제 점수 y에서 벗어난 거리입니다. **평균 제곱 오차**(MSE)는 잔차를 제곱해서 평균 낸 "
        "값이며, 학습이 줄이려는 손실 함수입니다.",
    ),
    "linreg.hand.w": ("Weight w (slope)", "가중치 w (기울기)"),
    "linreg.hand.w_help": (
        "How many points the predicted score rises for each extra hour.",
        "한 시간을 더 공부할 때 예측 점수가 몇 점 오르는지 나타냅니다.",
    ),
    "linreg.hand.b": ("Bias b", "편향 b"),
    "linreg.hand.b_help": (
        "The predicted score for zero hours: it moves the whole line up or down.",
        "0시간 공부했을 때의 예측 점수입니다. 직선 전체를 위아래로 옮깁니다.",
    ),
    "linreg.hand.mse": ("MSE", "MSE (평균 제곱 오차)"),
    "linreg.hand.best_mse": ("Best possible MSE", "가능한 최소 MSE"),
    "linreg.hand.best_mse_help": (
        "The MSE of the least-squares line, the lowest any line can reach on this data.",
        "최소 제곱 직선의 MSE로, 이 데이터에서 어떤 직선도 이보다 낮출 수 없습니다.",
    ),
    "linreg.hand.to_best": ("Least-squares answer", "최소 제곱 해로 이동"),
    "linreg.hand.to_zero": ("Back to zero", "0으로 되돌리기"),
    "linreg.hand.at_best": (
        "This is the best fit: no other choice has a lower MSE.",
        "가장 잘 맞는 값입니다. 이보다 MSE가 낮은 선택은 없습니다.",
    ),
    "linreg.hand.show_best": ("Show the least-squares line", "최소 제곱 직선 보기"),
    "linreg.hand.table": ("Residuals, one row per point", "점마다 계산한 잔차"),
    "linreg.hand.table_caption": (
        "The {n} squared residuals add up to {total}; divided by {n} that is the MSE, {mse}.",
        "제곱한 잔차 {n}개의 합은 {total}이고, 이를 {n}으로 나눈 값이 MSE {mse}입니다.",
    ),
    # ---- two features
    "linreg.plane.header": ("Fit a plane by hand", "직접 평면 맞추기"),
    "linreg.plane.explain": (
        "With two features the line becomes a plane over the (study, sleep) floor. Each weight tilts it along its "
        "own axis and the bias lifts it. Drag the 3-D view to look along the plane: the red segments are the residuals.",
        "특성이 두 개이면 직선은 (공부 시간, 수면 시간) 바닥 위의 평면이 됩니다. 가중치는 각자 자기 축 방향으로 평면을 "
        "기울이고, 편향은 평면을 들어 올립니다. 3차원 그림을 끌어 평면 옆에서 보세요. 빨간 선분이 잔차입니다.",
    ),
    "linreg.plane.w1": ("Weight w₁ (study hours)", "가중치 w₁ (공부 시간)"),
    "linreg.plane.w2": ("Weight w₂ (sleep hours)", "가중치 w₂ (수면 시간)"),
    "linreg.plane.caption": (
        "Drag to turn the view, scroll to zoom. The plane's colour is only for visibility.",
        "끌어서 돌려 보고, 스크롤해서 확대하세요. 평면의 색은 잘 보이게 하려는 것일 뿐입니다.",
    ),
    # ---- gradient descent
    "linreg.gd.header": ("Gradient descent on the loss surface", "손실 곡면 위의 경사 하강법"),
    "linreg.gd.explain": (
        "Every (w, b) has an MSE: together they form the **loss surface**, shown as a contour map (dark = low). "
        "Gradient descent starts at your sliders' (w, b) and repeatedly takes a step against the gradient, the "
        "direction of steepest ascent, scaled by the **learning rate** η. Scrub through the steps to watch the line follow.",
        "(w, b)마다 MSE가 하나씩 있고, 이를 모두 모은 것이 **손실 곡면**입니다. 아래 등고선 지도에서 어두울수록 손실이 "
        "작습니다. 경사 하강법은 슬라이더의 (w, b)에서 출발해 기울기(가장 가파르게 올라가는 방향)의 반대쪽으로 "
        "**학습률** η만큼 한 걸음씩 움직입니다. 단계 슬라이더를 움직이면 직선이 따라 움직이는 모습을 볼 수 있습니다.",
    ),
    "linreg.gd.explain_plane": (
        "The same walk downhill with three parameters (w₁, w₂, b), starting from the sliders above. The loss "
        "surface now lives in four dimensions, so follow the loss and the parameters step by step instead.",
        "위 슬라이더의 값에서 출발해 세 매개변수(w₁, w₂, b)로 똑같이 내리막을 걷습니다. 이제 손실 곡면은 4차원이라 "
        "그림으로 그릴 수 없으니, 단계마다 손실과 매개변수가 어떻게 바뀌는지 따라가 봅니다.",
    ),
    "linreg.gd.lr": ("Learning rate η", "학습률 η"),
    "linreg.gd.lr_help": (
        "How far each step goes along the negative gradient. Too small: slow. Above the stability limit: every "
        "step overshoots more and the loss explodes.",
        "한 걸음이 기울기 반대 방향으로 얼마나 멀리 가는지 정합니다. 너무 작으면 느리고, 안정 한계를 넘으면 걸음마다 "
        "더 크게 지나쳐서 손실이 폭발합니다.",
    ),
    "linreg.gd.steps": ("Number of steps", "단계 수"),
    "linreg.gd.steps_help": (
        "How many gradient steps to take (one step uses every data point once).",
        "경사 하강을 몇 번 할지 정합니다. 한 단계마다 모든 데이터를 한 번씩 사용합니다.",
    ),
    "linreg.gd.limit": ("Stability limit 2/λmax", "안정 한계 2/λmax"),
    "linreg.gd.limit_help": (
        "λmax is the largest eigenvalue of the Hessian of the MSE, the matrix of its second derivatives, which is "
        "the same everywhere for a linear model. Gradient descent converges for learning rates below 2/λmax "
        "and diverges above it.",
        "λmax는 MSE의 2차 도함수를 모은 헤세 행렬의 가장 큰 고윳값입니다. 선형 모델에서는 이 행렬이 어디서나 같습니다. "
        "학습률이 2/λmax보다 작으면 경사 하강법이 수렴하고, 크면 발산합니다.",
    ),
    "linreg.gd.above_limit": (
        "The learning rate {lr} is above the stability limit {limit}: along the steepest direction each step "
        "overshoots the bottom of the valley by more than it started, so the path zigzags outward and the loss grows.",
        "학습률 {lr}이(가) 안정 한계 {limit}보다 큽니다. 가장 가파른 방향에서 한 걸음이 골짜기 바닥을 처음보다 더 멀리 "
        "지나치기 때문에, 경로가 지그재그로 점점 벌어지고 손실이 커집니다.",
    ),
    "linreg.gd.zigzag": (
        "With η = {lr}, above half the limit ({half}), each step jumps across the valley: the path zigzags but "
        "still closes in.",
        "η = {lr}은(는) 한계의 절반({half})보다 커서 걸음마다 골짜기를 건너뜁니다. 경로가 지그재그로 움직이지만 "
        "그래도 점점 가까워집니다.",
    ),
    "linreg.gd.blew_up": (
        "Diverged: the loss blew up at step {step}, so the path stops there and has left the map.",
        "발산했습니다. {step}단계에서 손실이 폭발해서 경로가 그곳에서 멈추고 지도 밖으로 나갔습니다.",
    ),
    "linreg.gd.grew": (
        "Diverging: the loss ended higher ({last}) than it started ({first}). Lower the learning rate.",
        "발산하고 있습니다. 손실이 처음({first})보다 끝({last})에서 더 큽니다. 학습률을 낮추세요.",
    ),
    "linreg.gd.step": ("Show step", "표시할 단계"),
    "linreg.gd.step_help": (
        "Scrub through the run: the point on the map and the line on the right show the parameters after this "
        "many steps (use the arrow keys for one step at a time).",
        "실행 과정을 되짚어 봅니다. 지도 위의 점과 오른쪽 직선이 이 단계까지 진행한 뒤의 매개변수를 보여 줍니다. "
        "화살표 키로 한 단계씩 움직일 수 있습니다.",
    ),
    "linreg.gd.metric_step": ("Step", "단계"),
    "linreg.gd.zoom": ("Zoom to the paths", "경로만 확대"),
    "linreg.gd.zoom_help": (
        "Show only the part of the loss surface the optimisers visited, so small zigzags become visible.",
        "옵티마이저가 지나간 부분만 크게 보여 주어 작은 지그재그도 잘 보이게 합니다.",
    ),
    "linreg.gd.surface_caption": (
        "Purple circle: the start (your sliders). Green ×: the least-squares minimum. Orange diamond: the chosen step. "
        "Colours are on a log scale, so the long narrow valley is visible.",
        "보라색 원은 출발점(슬라이더 값), 초록색 ×는 최소 제곱 최솟값, 주황색 마름모는 선택한 단계입니다. "
        "길고 좁은 골짜기가 보이도록 색은 로그 척도로 칠했습니다.",
    ),
    "linreg.gd.apply": ("Move the sliders to this step", "슬라이더를 이 단계로 옮기기"),
    "linreg.gd.apply_end": ("Move the sliders to where it ended", "슬라이더를 마지막 위치로 옮기기"),
    "linreg.gd.apply_help": (
        "Put these parameters on the sliders above; the next run starts from there.",
        "이 매개변수를 위 슬라이더에 넣습니다. 다음 실행은 그 위치에서 시작합니다.",
    ),
    "linreg.gd.apply_outside": (
        "These parameters are outside the sliders' range.",
        "이 매개변수는 슬라이더 범위를 벗어났습니다.",
    ),
    "linreg.gd.params_caption": (
        "Solid lines: each parameter step by step. Dashed lines: its least-squares value.",
        "실선은 단계마다의 매개변수, 점선은 최소 제곱으로 구한 값입니다.",
    ),
    # ---- optimisers
    "linreg.opt.gd": ("Gradient descent", "경사 하강법"),
    "linreg.opt.sgd": ("SGD", "SGD (확률적 경사 하강법)"),
    "linreg.opt.momentum": ("Momentum", "모멘텀"),
    "linreg.opt.adam": ("Adam", "Adam"),
    # short names for the small map titles
    "linreg.opt.gd_short": ("Gradient descent", "경사 하강법"),
    "linreg.opt.sgd_short": ("SGD", "SGD"),
    "linreg.opt.momentum_short": ("Momentum", "모멘텀"),
    "linreg.opt.adam_short": ("Adam", "Adam"),
    "linreg.opt.sgd_help": (
        "Stochastic gradient descent: each step uses the gradient of one randomly chosen point, so steps are "
        "cheap but noisy. One point's gradient can be steeper than the average, so it needs a smaller learning rate.",
        "확률적 경사 하강법은 단계마다 무작위로 고른 점 하나의 기울기만 씁니다. 한 걸음은 싸지만 흔들림이 큽니다. "
        "점 하나의 기울기는 평균보다 가파를 수 있어서 더 작은 학습률이 필요합니다.",
    ),
    "linreg.opt.momentum_help": (
        "Keeps a running sum of past gradients (β = 0.9), like a ball rolling downhill: it speeds up along a "
        "long valley where plain gradient descent crawls.",
        "지난 기울기를 누적해서(β = 0.9) 언덕을 굴러 내려가는 공처럼 움직입니다. 일반 경사 하강법이 기어가는 긴 "
        "골짜기에서 속도가 붙습니다.",
    ),
    "linreg.opt.adam_help": (
        "Divides each parameter's step by the typical size of its gradient, so every parameter moves about η per "
        "step at first, however steep its direction. Its learning rate is therefore in parameter units.",
        "매개변수마다 걸음을 기울기의 평소 크기로 나눕니다. 그래서 방향이 얼마나 가파르든 처음에는 모든 매개변수가 "
        "한 단계에 대략 η만큼 움직입니다. 따라서 Adam의 학습률은 매개변수와 같은 단위입니다.",
    ),
    "linreg.compare.header": ("SGD, momentum and Adam", "SGD, 모멘텀, Adam 비교"),
    "linreg.compare.explain": (
        "Four optimisers from the same start, {steps} steps each. Each has its own learning rate, because a good "
        "step size means something different to each of them.",
        "네 가지 옵티마이저가 같은 출발점에서 각각 {steps}단계씩 움직입니다. 알맞은 걸음 크기의 의미가 옵티마이저마다 "
        "달라서 학습률도 각자 정합니다.",
    ),
    "linreg.compare.lr": ("Learning rate: {name}", "학습률: {name}"),
    "linreg.compare.gd_rate": (
        "Gradient descent uses the learning rate chosen above (η = {lr}).",
        "경사 하강법은 위에서 정한 학습률(η = {lr})을 사용합니다.",
    ),
    "linreg.compare.col.optimizer": ("optimiser", "옵티마이저"),
    "linreg.compare.col.lr": ("learning rate", "학습률"),
    "linreg.compare.col.steps": ("steps", "단계"),
    "linreg.compare.col.mse": ("final MSE", "최종 MSE"),
    "linreg.compare.col.distance": ("distance to least squares", "최소 제곱 해까지 거리"),
    "linreg.compare.col.status": ("outcome", "결과"),
    "linreg.compare.status.ok": ("loss went down", "손실 감소"),
    "linreg.compare.status.grew": ("diverging: loss grew", "발산 중: 손실 증가"),
    "linreg.compare.status.blew_up": ("diverged at step {step}", "{step}단계에서 발산"),
    "linreg.compare.caption": (
        "The loss axis is logarithmic: a straight downward line means the error shrinks by the same factor every step.",
        "손실 축은 로그 척도입니다. 곧게 내려가는 선은 오차가 단계마다 같은 비율로 줄어든다는 뜻입니다.",
    ),
    # ---- closed form
    "linreg.closed.header": ("The least-squares answer", "최소 제곱 해"),
    "linreg.closed.explain": (
        "For a linear model the lowest point of the loss surface can be computed directly, without any steps: "
        "set the derivatives of the MSE to zero and solve (the normal equations). Neural networks have no such "
        "formula, which is why they are trained by gradient descent.",
        "선형 모델에서는 한 걸음도 걷지 않고 손실 곡면의 가장 낮은 점을 바로 계산할 수 있습니다. MSE의 도함수를 0으로 "
        "놓고 풀면 됩니다(정규 방정식). 신경망에는 이런 공식이 없어서 경사 하강법으로 학습합니다.",
    ),
    "linreg.closed.caption": (
        "Computed from all {n} rows at once with NumPy's least-squares solver.",
        "NumPy의 최소 제곱 풀이로 {n}개 행 전체를 한 번에 계산했습니다.",
    ),
    # ---- charts
    "linreg.chart.x": ("study hours x", "공부 시간 x"),
    "linreg.chart.y": ("score y", "점수 y"),
    "linreg.chart.points": ("data", "데이터"),
    "linreg.chart.line": ("ŷ = w·x + b", "ŷ = w·x + b"),
    "linreg.chart.residuals": ("residuals ŷ − y", "잔차 ŷ − y"),
    "linreg.chart.best": ("least-squares line", "최소 제곱 직선"),
    "linreg.chart.start_line": ("line at the start", "출발점의 직선"),
    "linreg.chart.mse": ("MSE", "MSE"),
    "linreg.chart.start": ("start", "출발점"),
    "linreg.chart.best_point": ("least-squares minimum", "최소 제곱 최솟값"),
    "linreg.chart.path": ("gradient descent path", "경사 하강 경로"),
    "linreg.chart.step_point": ("after step {step}", "{step}단계 후"),
    "linreg.chart.step": ("step", "단계"),
    "linreg.chart.best_mse": ("least-squares MSE", "최소 제곱 MSE"),
    "linreg.chart.plane": ("ŷ = w₁·x₁ + w₂·x₂ + b", "ŷ = w₁·x₁ + w₂·x₂ + b"),
    "linreg.chart.value": ("value", "값"),
    "linreg.link.notes_rows": ("(the notes' table)", "(노트의 표)"),
}
