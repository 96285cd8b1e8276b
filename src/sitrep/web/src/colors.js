// One colour per PLOVER type (the map, the timeline and the list use the same).
const PALETTE = {
  ASSAULT: "#c0392b", COERCE: "#e67e22", PROTEST: "#f1c40f", THREATEN: "#8e44ad", MOBILIZE: "#d35400",
  SANCTION: "#7f8c8d", ACCUSE: "#a93226", REJECT: "#6c3483", REQUEST: "#2980b9", CONSULT: "#16a085",
  AGREE: "#27ae60", COOPERATE: "#1abc9c", AID: "#2e86c1", SUPPORT: "#5dade2", CONCEDE: "#48c9b0",
  RETREAT: "#229954", OTHER: "#566573",
};
export const colorOf = (type) => PALETTE[type] || "#333";
export const TYPES = Object.keys(PALETTE);
