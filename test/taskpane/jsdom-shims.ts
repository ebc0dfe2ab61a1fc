/** Browser APIs Fluent UI calls that jsdom lacks; they only matter for layout, which jsdom does not do. */
class ResizeObserverShim {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (!('ResizeObserver' in window)) {
  Object.assign(window, { ResizeObserver: ResizeObserverShim });
}
