"""Strings of the Playground's hidden-layer view (what a layer of 2 or 3 neurons sees)."""

STRINGS = {
    "playground.hidden.title": ("What hidden layer {index} sees", "은닉층 {index}에서 본 데이터"),
    "playground.hidden.layer": ("Layer to look into", "들여다볼 층"),
    "playground.hidden.layer_help": (
        "Only hidden layers of 2 or 3 neurons can be drawn in their own space.",
        "뉴런이 2개나 3개인 은닉층만 그 층의 공간에 그릴 수 있습니다.",
    ),
    "playground.hidden.option": ("Layer {index} ({units} neurons)", "{index}층 (뉴런 {units}개)"),
    "playground.hidden.neuron": ("neuron {index}", "뉴런 {index}"),
    "playground.hidden.explain_plane": (
        "Each training point sits where this layer's two neurons put it (neuron 1 across, neuron 2 up); the grey "
        "lines are the grid of the input plane, bent by the layers on the way. The colours behind are what the rest "
        "of the network decides at each place of this plane. Watch the layers bend the data while it trains.",
        "훈련 데이터의 점 하나하나가 이 층의 두 뉴런이 옮겨 놓은 자리에 있습니다(가로가 뉴런 1, 세로가 뉴런 2). 회색 선은 입력 "
        "평면의 격자가 층을 지나며 휘어진 모습입니다. 뒤의 색은 나머지 신경망이 이 평면의 각 자리에서 내리는 결정입니다. 학습하는 "
        "동안 층이 데이터를 휘어 가는 모습을 지켜보세요.",
    ),
    "playground.hidden.explain_line": (
        "The black line is where the output says 50 %. This is the last hidden layer, so the output neuron draws one "
        "straight line here: once the layers have bent the classes apart, that line separates them.",
        "검은 선은 출력이 50 %가 되는 곳입니다. 마지막 은닉층이므로 출력 뉴런은 여기에 직선 하나를 긋습니다. 층들이 두 클래스를 "
        "떼어 놓으면 그 직선이 둘을 가릅니다.",
    ),
    "playground.hidden.explain_cube": (
        "Each training point sits where this layer's three neurons put it, in a box seen from one corner; the grey "
        "lines are the grid of the input plane, bent by the layers on the way. The next layer can only cut this "
        "space with flat planes, so watch the classes move apart while it trains.",
        "훈련 데이터의 점 하나하나가 이 층의 세 뉴런이 옮겨 놓은 자리에 있으며, 상자를 한 모서리에서 비스듬히 본 모습입니다. 회색 "
        "선은 입력 평면의 격자가 층을 지나며 휘어진 모습입니다. 다음 층은 이 공간을 평평한 면으로만 자를 수 있으니, 학습하는 동안 "
        "클래스들이 서로 멀어지는 모습을 지켜보세요.",
    ),
    "playground.hidden.none": (
        "This view shows the data as a hidden layer of 2 or 3 neurons sees it, and this network has no such layer. "
        "Set a hidden layer to 2 neurons with its − button to watch it bend the data until a straight line separates "
        "the classes.",
        "이 그림은 뉴런이 2개나 3개인 은닉층이 보는 데이터를 보여 주는데, 지금 신경망에는 그런 층이 없습니다. 은닉층 하나를 − 버튼으로 "
        "뉴런 2개로 줄이면, 그 층이 데이터를 휘어 직선 하나로 클래스를 가를 수 있게 되는 모습을 볼 수 있습니다.",
    ),
}
