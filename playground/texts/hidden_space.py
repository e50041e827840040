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
    "playground.hidden.turn": ("Turn the box", "상자 돌리기"),
    "playground.hidden.turn_help": (
        "Turn the box about its upright axis to see whether a flat plane could part the classes.",
        "상자를 세로축으로 돌려 보며 평평한 면 하나로 클래스를 가를 수 있는지 살펴보세요.",
    ),
    "playground.hidden.explain_plane": (
        "Each training point sits where this layer's two neurons put it; the grey lines are the input plane's grid, "
        "bent by the layers. Behind them, what the rest of the network decides at each place.",
        "훈련 데이터의 점은 이 층의 두 뉴런이 옮겨 놓은 자리에 있고, 회색 선은 입력 평면의 격자가 층을 지나며 휘어진 모습입니다. "
        "뒤의 색은 나머지 신경망이 각 자리에서 내리는 결정입니다.",
    ),
    "playground.hidden.explain_line": (
        "The black lines are where the output's decision flips, and here they are straight: once training has bent "
        "the classes apart, straight lines separate them.",
        "검은 선은 출력의 결정이 바뀌는 곳으로, 여기서는 직선입니다. 학습이 클래스들을 떼어 놓으면 직선으로 가를 수 있습니다.",
    ),
    "playground.hidden.explain_cube": (
        "Each training point sits where this layer's three neurons put it, in a box seen from its lowest corner; the "
        "grey lines are the input plane's grid, bent by the layers. The next layer cuts this space with flat planes.",
        "훈련 데이터의 점은 이 층의 세 뉴런이 옮겨 놓은 자리에 있으며, 상자를 가장 낮은 모서리 쪽에서 본 모습입니다. 회색 선은 "
        "입력 평면의 격자가 층을 지나며 휘어진 모습입니다. 다음 층은 이 공간을 평평한 면으로 자릅니다.",
    ),
    "playground.hidden.none": (
        "This view shows the data as a hidden layer of 2 or 3 neurons sees it, and this network has no such layer. "
        "Set a hidden layer to 2 neurons with its − button (add one with + first if there is none) to watch it bend "
        "the data until a straight line separates the classes.",
        "이 그림은 뉴런이 2개나 3개인 은닉층이 보는 데이터를 보여 주는데, 지금 신경망에는 그런 층이 없습니다. 은닉층 하나를 − 버튼으로 "
        "뉴런 2개로 줄이면(은닉층이 없으면 먼저 +로 하나 추가하세요), 그 층이 데이터를 휘어 직선 하나로 클래스를 가를 수 있게 되는 "
        "모습을 볼 수 있습니다.",
    ),
}
