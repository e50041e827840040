"""The Playground's "what the hidden layer sees" panel: a layer picker, and a live canvas the page's fragment redraws.

The arrays come with every snapshot (playground/hidden_space.py, computed beside the neuron maps
from the same weights); the scene is built here once per snapshot and painted by the page's own
canvas component, like the decision map.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from playground import hidden_space
from playground.charts import hidden_scene
from ui.common import t
from ui.live_canvas import live_canvas

P = "playground/"


@dataclass
class HiddenSlots:
    """Where the live view writes: the title above the picker, the canvas and its sentence below it."""

    head: object
    body: object


def panel(widget, hidden: list[int], current: int) -> HiddenSlots:
    """The panel's frame; a picker when several hidden layers qualify, a turn for a 3-neuron layer's box.

    `widget` is the page's kept-widget helper and `current` the kept choice (1-based, 0: automatic).
    """
    head = st.container()
    eligible = hidden_space.eligible_layers(hidden)
    chosen = hidden_space.choose_layer(hidden, current)
    if len(eligible) > 1:
        options = [i + 1 for i in eligible]
        if st.session_state.get(P + "view", current) not in options:  # automatic, or that layer no longer fits
            st.session_state[P + "view"] = chosen + 1
        picked = widget(st.selectbox, "view", t("playground.hidden.layer"), options=options,
                        format_func=lambda i: t("playground.hidden.option", index=i, units=hidden[i - 1]),
                        help=t("playground.hidden.layer_help"))
        chosen = hidden_space.choose_layer(hidden, picked)  # (a teacher may have hidden the picker: its kept value)
    if chosen is not None and hidden[chosen] == 3:
        widget(st.slider, "turn", t("playground.hidden.turn"), -180, 180, step=5, format="%d°",
               help=t("playground.hidden.turn_help"))
    return HiddenSlots(head, st.container())


def live(slots: HiddenSlots, payload, config, data, version: str, text_scale: float) -> None:
    """The chosen layer's space from this frame's snapshot, or the sentence saying how to get one."""
    chosen = hidden_space.choose_layer(config.hidden, config.hidden_view)
    view = next((v for v in getattr(payload, "hidden", ()) if v.layer == chosen), None)
    if chosen is None or view is None:
        with slots.body:
            st.caption(t("playground.hidden.none"))
        return
    with slots.head:
        st.markdown(f"**{t('playground.hidden.title', index=chosen + 1)}**")
    turn = config.hidden_turn
    frame = (version, chosen, turn)
    cached = st.session_state.get(P + "hidden_frame")
    if cached is not None and cached[0] == frame:
        built = cached[1]
    else:
        labels = hidden_scene.HiddenLabels(neuron=t("playground.hidden.neuron", index="{index}"))
        built = hidden_scene.hidden_scene(view, data.task, labels, data.value_range(), turn)
        st.session_state[P + "hidden_frame"] = (frame, built)
    with slots.body:
        live_canvas(built, key=P + "hidden", version=f"{version}/{chosen}/{turn}", max_scale=1.6, text_scale=text_scale)
        notes = [t("playground.hidden.explain_cube" if view.units == 3 else "playground.hidden.explain_plane")]
        last = chosen == len(config.hidden) - 1
        if view.units == 2 and last and data.task == "classification":
            notes.append(t("playground.hidden.explain_line"))
        st.caption(" ".join(notes))
