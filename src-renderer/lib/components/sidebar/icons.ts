/** SVG path data for the few icons the sidebar uses (24×24 viewBox, stroked). */
export const pencilIcon = "M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4";
export const trashIcon = "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6";
export const libraryIcon = "M5 4h4v16H5zM10 4h4v16h-4zM15.5 5.5l3.6-1 3.4 14.6-3.6 1z";
export const personalizeIcon = "M12 3l1.8 4.7 4.7 1.8-4.7 1.8L12 16l-1.8-4.7-4.7-1.8 4.7-1.8zM18 15l.9 2.1 2.1.9-2.1.9L18 21l-.9-2.1-2.1-.9 2.1-.9z";
